package io.microcent.invoicing.stripe;

import io.microcent.invoicing.InvoicingModule;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.platform.http.HttpServer;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.test.TestContexts;
import io.microcent.platform.test.TestHttpClient;
import io.microcent.platform.test.TestHttpClient.Response;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoicing service reads the Stripe settings and serves the Stripe routes with them. */
class StripeServiceWiringTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void the_service_verifies_webhooks_with_its_secret_and_syncs_with_its_key() {
        try (StripeStub stub = StripeStub.start()) {
            ServiceContext context = TestContexts.forService(InvoicingModule.NAME, Map.of(
                    StripeSettings.API_KEY, StripeStub.API_KEY, StripeSettings.API_BASE, stub.apiBase(),
                    StripeSettings.WEBHOOK_SECRET, StripeSignatures.WEBHOOK_SECRET), Clock.fixed(NOW, ZoneOffset.UTC));
            InvoicingModule module = new InvoicingModule();
            module.configure(context.env());
            context.env().validate();
            try (Service service = module.start(context);
                 HttpServer http = HttpServer.start("127.0.0.1", 0, List.of(service.routes()), Map.of(), context.meters())) {
                TestHttpClient.Plain anonymous = TestHttpClient.anonymous(http.port());
                String payload = "{\"id\":\"evt_wiring\",\"object\":\"event\",\"type\":\"customer.created\",\"created\":1764579600,"
                        + "\"data\":{\"object\":{\"id\":\"cus_x\",\"object\":\"customer\"}}}";

                Response signed = anonymous.send(anonymous.request("/v1/stripe/webhooks").POST(HttpRequest.BodyPublishers.ofString(payload))
                        .header("Stripe-Signature", StripeSignatures.header(payload, StripeSignatures.WEBHOOK_SECRET, Instant.now())));
                Response forged = anonymous.send(anonymous.request("/v1/stripe/webhooks").POST(HttpRequest.BodyPublishers.ofString(payload))
                        .header("Stripe-Signature", StripeSignatures.header(payload, "whsec_other", Instant.now())));
                Response sync = TestHttpClient.asOperator(http.port())
                        .post("/v1/invoices/" + InvoiceId.of(RunningStripeSync.newCustomer(), BillingPeriod.parse("2026-11"), 0) + "/sync", "");

                assertThat(signed.status()).isEqualTo(200);
                assertThat(signed.body().path("outcome").asText()).isEqualTo("ignored");
                assertThat(forged.status()).isEqualTo(400);
                assertThat(sync.status()).as("sync is on: the invoice is unknown, not Stripe").isEqualTo(404);
            }
        }
    }
}
