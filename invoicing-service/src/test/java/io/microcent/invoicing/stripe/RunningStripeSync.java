package io.microcent.invoicing.stripe;

import io.microcent.platform.time.MovableClock;
import io.microcent.invoicing.InvoicingService;
import io.microcent.invoicing.write.finalizeinvoice.InvoiceFinalized;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.invoice.InvoiceLineData;
import io.microcent.invoicing.write.linkstripecustomer.LinkStripeCustomer;
import io.microcent.invoicing.write.stripeinvoiceevent.RecordStripeInvoiceEvent;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.platform.axon.JdbcAxon;
import io.microcent.platform.axon.JdbcTransactions;
import io.microcent.platform.http.HttpServer;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.service.StandaloneRunner;
import io.microcent.platform.test.TestContexts;
import io.microcent.platform.test.TestHttpClient;
import io.microcent.platform.test.TestInfrastructure;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.microcent.invoicing.db.Tables.STRIPE_INVOICES;

/**
 * Stripe sync on the shared test PostgreSQL, with the real stripe-java client against a {@link StripeStub}: Axon on
 * the invoicing schema with the Stripe outbox, command handlers that record {@link LinkStripeCustomer} and
 * {@link RecordStripeInvoiceEvent} (the customer and invoice aggregates are not what these tests are about), the
 * Stripe routes on a server of their own, and workers whose passes the tests run themselves on a hand-moved clock.
 */
final class RunningStripeSync implements AutoCloseable {

    static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
    static final StripeSyncWorker.Timing TIMING = new StripeSyncWorker.Timing(
            Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(5));

    /** Records the commands the Stripe area sends; a test can make the invoice command fail. */
    static final class RecordingHandlers {
        final List<LinkStripeCustomer> links = new CopyOnWriteArrayList<>();
        final List<RecordStripeInvoiceEvent> invoiceEvents = new CopyOnWriteArrayList<>();
        volatile boolean failInvoiceEvents;

        @CommandHandler
        void handle(LinkStripeCustomer command) {
            links.add(command);
        }

        @CommandHandler
        void handle(RecordStripeInvoiceEvent command) {
            if (failInvoiceEvents) {
                throw new IllegalStateException("the invoice aggregate refused it (test)");
            }
            invoiceEvents.add(command);
        }
    }

    final StripeStub stub = StripeStub.start();
    final MovableClock clock = new MovableClock(START);
    final JdbcTransactions transactions;
    final RecordingHandlers handlers = new RecordingHandlers();
    final StripeSettings settings;
    final Configuration axon;
    final StripeIntegration stripe;
    final HttpServer http;
    final TestHttpClient.Plain api;

    RunningStripeSync(boolean syncOn, boolean webhooksOn) {
        TestInfrastructure infra = TestInfrastructure.get();
        infra.database().migrate(InvoicingService.SCHEMA);
        transactions = new JdbcTransactions(infra.database().dataSource());
        // the test database is shared: rows an earlier test left pending belong to a stub that is gone
        transactions.dsl().update(STRIPE_INVOICES).set(STRIPE_INVOICES.STATUS, StripeSyncStatus.FAILED.code())
                .set(STRIPE_INVOICES.LAST_ERROR, "left pending by an earlier test")
                .where(STRIPE_INVOICES.STATUS.eq(StripeSyncStatus.PENDING.code())).execute();
        settings = new StripeSettings(syncOn ? Optional.of(StripeStub.API_KEY) : Optional.empty(), stub.apiBase(),
                webhooksOn ? Optional.of(StripeSignatures.WEBHOOK_SECRET) : Optional.empty());
        Configurer configurer = StripeIntegration.configure(JdbcAxon.configurer(InvoicingService.SCHEMA, transactions), settings, transactions, clock)
                .registerCommandHandler(config -> handlers);
        axon = configurer.start();
        stripe = worker("worker-a", InvoiceSync.Probe.NONE);
        http = HttpServer.start("127.0.0.1", 0, List.of(stripe.routes()), Map.of(), StandaloneRunner.newMeterRegistry());
        api = TestHttpClient.asOperator(http.port());
    }

    /** Another instance's Stripe area on the same database and Axon (its worker not started). */
    StripeIntegration worker(String owner, InvoiceSync.Probe probe) {
        return StripeIntegration.create(settings, transactions, axon.commandGateway(),
                customer -> Optional.of(new StripeCustomerDetails.Details("Customer " + customer, customer + "@example.com")),
                new OperatorAuth(TestContexts.OPERATOR_TOKEN), clock, clock, owner, TIMING, probe);
    }

    static CustomerId newCustomer() {
        return CustomerId.of("stripe-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static InvoiceLineData line(String kind, String description, long cents) {
        return new InvoiceLineData(kind, description, 1, null, cents * 10_000, cents, kind + ":" + description);
    }

    /** Three lines: a base fee, usage and a discount, 29.00 + 12.34 − 5.00 = 36.34. */
    static List<InvoiceLineData> threeLines() {
        return List.of(line("base_fee", "Starter plan, December 2026", 2_900), line("usage", "Requests over the allowance", 1_234),
                line("discount", "WELCOME 5 USD off", -500));
    }

    /** Publishes {@code InvoiceFinalized} as the invoice aggregate would, in a transaction of its own. */
    InvoiceFinalized finalize(CustomerId customer, BillingPeriod period, List<InvoiceLineData> lines) {
        long sum = lines.stream().mapToLong(InvoiceLineData::amountCents).sum();
        return finalize(customer, period, lines, Math.max(0, sum));
    }

    /** As above, with an amount due of the test's choosing. */
    InvoiceFinalized finalize(CustomerId customer, BillingPeriod period, List<InvoiceLineData> lines, long amountDueCents) {
        long sum = lines.stream().mapToLong(InvoiceLineData::amountCents).sum();
        InvoiceId id = InvoiceId.of(customer, period, 0);
        InvoiceFinalized event = new InvoiceFinalized(id, customer, period, lines, sum, 0, sum, amountDueCents,
                Math.max(0, -sum), clock.instant(), false);
        transactions.executeInTransaction(() -> axon.eventBus().publish(new GenericDomainEventMessage<>("Invoice", id.raw(), 0, event)));
        return event;
    }

    StripeSyncView view(InvoiceId invoice) {
        return stripe.syncs().find(invoice).orElseThrow();
    }

    int keyVersion(InvoiceId invoice) {
        return transactions.dsl().select(STRIPE_INVOICES.KEY_VERSION).from(STRIPE_INVOICES)
                .where(STRIPE_INVOICES.INVOICE_ID.eq(invoice.raw())).fetchSingle().value1();
    }

    StripeSyncWorker worker() {
        return stripe.worker();
    }

    @Override
    public void close() {
        http.close();
        stripe.close();
        axon.shutdown();
        stub.close();
    }
}
