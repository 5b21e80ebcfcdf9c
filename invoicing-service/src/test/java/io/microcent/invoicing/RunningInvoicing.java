package io.microcent.invoicing;

import io.microcent.platform.http.HttpServer;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.test.TestContexts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** One invoicing service instance on the shared test Kafka and PostgreSQL, serving its API on a free port. */
final class RunningInvoicing implements AutoCloseable {

    final ServiceContext context;
    final InvoicingService service;
    final HttpServer http;
    final ApiClient api;

    private RunningInvoicing(ServiceContext context, InvoicingService service, HttpServer http) {
        this.context = context;
        this.service = service;
        this.http = http;
        this.api = ApiClient.operator(http.port());
    }

    /** Starts an instance and waits until it is ready (Axon started, usage projection polling). */
    static RunningInvoicing start(Clock clock) {
        return start(clock, Map.of());
    }

    /** As {@link #start(Clock)}, with these settings (e.g. a Stripe webhook secret). */
    static RunningInvoicing start(Clock clock, Map<String, String> env) {
        ServiceContext context = TestContexts.forService(InvoicingModule.NAME, env, clock);
        InvoicingModule module = new InvoicingModule();
        module.configure(context.env());
        context.env().validate();
        InvoicingService service = (InvoicingService) module.start(context);
        HttpServer http = HttpServer.start("127.0.0.1", 0, List.of(service.routes()),
                Map.of(InvoicingModule.NAME, service::isReady), context.meters());
        await().atMost(Duration.ofSeconds(60)).until(service::isReady);
        return new RunningInvoicing(context, service, http);
    }

    @Override
    public void close() {
        http.close();
        service.close();
    }
}
