package io.microcent.invoicing.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.stripeinvoiceevent.RecordStripeInvoiceEvent;
import io.microcent.invoicing.write.stripeinvoiceevent.StripeInvoiceOutcome;
import io.microcent.model.json.Json;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.platform.test.TestHttpClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;

import static io.microcent.invoicing.db.Tables.STRIPE_WEBHOOK_EVENTS;
import static io.microcent.invoicing.stripe.RunningStripeSync.newCustomer;
import static io.microcent.invoicing.stripe.RunningStripeSync.threeLines;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /v1/stripe/webhooks} with real Stripe events (see {@code src/test/resources/stripe/README.md}), signed
 * as Stripe signs them. The invoice aggregate's handler of {@link RecordStripeInvoiceEvent} is the lead's: these
 * tests assert the command the endpoint sends, to a recording handler, and the dedup rows it writes with it.
 */
class StripeWebhookTest {

    private static final String PATH = "/v1/stripe/webhooks";

    private RunningStripeSync running;

    @BeforeEach
    void start() {
        running = new RunningStripeSync(true, true);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @ParameterizedTest
    @CsvSource({"invoice.paid, PAID", "invoice.payment_failed, PAYMENT_FAILED", "invoice.voided, VOIDED",
            "invoice.marked_uncollectible, MARKED_UNCOLLECTIBLE"})
    void a_signed_invoice_event_of_ours_becomes_one_command(String type, StripeInvoiceOutcome outcome) {
        InvoiceId invoice = InvoiceId.of(newCustomer(), BillingPeriod.parse("2026-11"), 0);
        String eventId = newEventId();
        String payload = event(type, eventId, invoice.raw(), "in_unknown");

        Response answer = deliver(payload, signedNow(payload));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("event").asText()).isEqualTo(eventId);
        assertThat(answer.body().path("outcome").asText()).isEqualTo("recorded");
        assertThat(running.handlers.invoiceEvents).containsExactly(
                new RecordStripeInvoiceEvent(invoice, outcome, eventId, RunningStripeSync.START.minusSeconds(60)));
        assertThat(dedupRows(eventId)).isEqualTo(1);
    }

    @Test
    void a_redelivered_event_is_acknowledged_and_ignored() {
        InvoiceId invoice = InvoiceId.of(newCustomer(), BillingPeriod.parse("2026-11"), 0);
        String eventId = newEventId();
        String payload = event("invoice.paid", eventId, invoice.raw(), "in_unknown");
        assertThat(deliver(payload, signedNow(payload)).status()).isEqualTo(200);

        running.clock.advance(Duration.ofMinutes(1)); // Stripe signs each delivery anew
        Response again = deliver(payload, signedNow(payload));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("outcome").asText()).isEqualTo("duplicate");
        assertThat(running.handlers.invoiceEvents).hasSize(1);
        assertThat(dedupRows(eventId)).isEqualTo(1);
    }

    @Test
    void forged_stale_tampered_or_unsigned_events_are_refused_and_change_nothing() {
        InvoiceId invoice = InvoiceId.of(newCustomer(), BillingPeriod.parse("2026-11"), 0);
        String eventId = newEventId();
        String payload = event("invoice.paid", eventId, invoice.raw(), "in_unknown");

        Response forged = deliver(payload, StripeSignatures.header(payload, "whsec_someone_else", running.clock.instant()));
        Response stale = deliver(payload, StripeSignatures.header(payload, StripeSignatures.WEBHOOK_SECRET,
                running.clock.instant().minusSeconds(StripeWebhookEndpoint.TOLERANCE_SECONDS + 1)));
        Response tampered = deliver(payload.replace("invoice.paid", "invoice.voided"), signedNow(payload));
        Response unsigned = running.api.withoutToken().send(running.api.withoutToken().request(PATH)
                .POST(HttpRequest.BodyPublishers.ofString(payload)).header("Content-Type", "application/json"));
        Response garbage = deliver(payload, "t=123,v1=nothex");

        for (Response refused : new Response[]{forged, stale, tampered, unsigned, garbage}) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().path("code").asText()).isEqualTo("webhook_signature_invalid");
            assertThat(refused.body().toString()).doesNotContain("Exception");
        }
        assertThat(running.handlers.invoiceEvents).isEmpty();
        assertThat(dedupRows(eventId)).isZero();
    }

    @Test
    void an_event_whose_command_fails_leaves_no_dedup_row_and_is_recorded_when_redelivered() {
        InvoiceId invoice = InvoiceId.of(newCustomer(), BillingPeriod.parse("2026-11"), 0);
        String eventId = newEventId();
        String payload = event("invoice.paid", eventId, invoice.raw(), "in_unknown");
        running.handlers.failInvoiceEvents = true;

        Response failed = deliver(payload, signedNow(payload));

        assertThat(failed.status()).isGreaterThanOrEqualTo(500);
        assertThat(dedupRows(eventId)).isZero();

        running.handlers.failInvoiceEvents = false;
        Response redelivered = deliver(payload, signedNow(payload));
        assertThat(redelivered.body().path("outcome").asText()).isEqualTo("recorded");
        assertThat(running.handlers.invoiceEvents).hasSize(1);
    }

    @Test
    void without_our_metadata_the_invoice_is_found_by_the_stripe_invoice_we_created() {
        InvoiceId invoice = running.finalize(newCustomer(), BillingPeriod.parse("2026-11"), threeLines()).invoice();
        running.worker().runOnce();
        String stripeInvoiceId = running.view(invoice).stripeInvoiceId();
        String payload = event("invoice.paid", newEventId(), null, stripeInvoiceId);

        Response answer = deliver(payload, signedNow(payload));

        assertThat(answer.body().path("outcome").asText()).isEqualTo("recorded");
        assertThat(running.handlers.invoiceEvents).extracting(RecordStripeInvoiceEvent::invoice).containsExactly(invoice);
    }

    @Test
    void events_of_other_types_or_invoices_are_acknowledged_and_ignored() {
        String finalized = withEnvelope(fixture("invoice.finalized.supabase-sync-engine.json"), "invoice.finalized",
                newEventId(), InvoiceId.of(newCustomer(), BillingPeriod.parse("2026-11"), 0).raw(), "in_unknown");
        String notOurs = event("invoice.paid", newEventId(), null, "in_someone_elses");

        for (String payload : new String[]{finalized, notOurs}) {
            Response answer = deliver(payload, signedNow(payload));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().path("outcome").asText()).isEqualTo("ignored");
        }
        assertThat(running.handlers.invoiceEvents).isEmpty();
    }

    @Test
    void without_a_webhook_secret_the_endpoint_is_not_configured() {
        try (RunningStripeSync off = new RunningStripeSync(false, false)) {
            String payload = event("invoice.paid", newEventId(), null, "in_x");
            Response answer = off.api.withoutToken().send(off.api.withoutToken().request(PATH)
                    .POST(HttpRequest.BodyPublishers.ofString(payload)).header("Stripe-Signature", signedNow(payload)));
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.body().path("code").asText()).isEqualTo("stripe_not_configured");
            Response sync = off.api.post("/v1/invoices/" + InvoiceId.of(newCustomer(), BillingPeriod.parse("2026-11"), 0) + "/sync", "");
            assertThat(sync.status()).isEqualTo(409);
            assertThat(sync.body().path("code").asText()).isEqualTo("stripe_not_configured");
        }
    }

    @Test
    void invoices_finalized_while_sync_is_off_show_off_and_call_nothing() {
        try (RunningStripeSync off = new RunningStripeSync(false, false)) {
            InvoiceId invoice = off.finalize(newCustomer(), BillingPeriod.parse("2026-11"), threeLines()).invoice();
            assertThat(off.view(invoice).status()).isEqualTo(StripeSyncStatus.OFF);
            assertThat(off.worker()).isNull();
            assertThat(off.stub.requests()).isEmpty();
        }
    }

    // ---- helpers

    private Response deliver(String payload, String signature) {
        return running.api.withoutToken().send(running.api.withoutToken().request(PATH)
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Stripe-Signature", signature));
    }

    private String signedNow(String payload) {
        return StripeSignatures.header(payload, StripeSignatures.WEBHOOK_SECRET, running.clock.instant());
    }

    private int dedupRows(String eventId) {
        return running.transactions.dsl().fetchCount(STRIPE_WEBHOOK_EVENTS, STRIPE_WEBHOOK_EVENTS.EVENT_ID.eq(eventId));
    }

    private static String newEventId() {
        return "evt_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /**
     * A real event of {@code type}: invoice.paid from zulip's recording, the others pay-rails' payment_failed data in an
     * envelope; our invoice id in the metadata ({@code null}: none) and {@code stripeInvoiceId} as the invoice's id.
     */
    private static String event(String type, String eventId, String ourInvoice, String stripeInvoiceId) {
        ObjectNode event = type.equals("invoice.paid") ? fixture("invoice.paid.zulip.json")
                : envelope(fixture("invoice.payment_failed.pay-rails.data-only.json"));
        return withEnvelope(event, type, eventId, ourInvoice, stripeInvoiceId);
    }

    private static String withEnvelope(ObjectNode event, String type, String eventId, String ourInvoice, String stripeInvoiceId) {
        event.put("id", eventId);
        event.put("type", type);
        event.put("created", RunningStripeSync.START.minusSeconds(60).getEpochSecond());
        ObjectNode invoice = (ObjectNode) event.path("data").path("object");
        invoice.put("id", stripeInvoiceId);
        ObjectNode metadata = invoice.putObject("metadata");
        if (ourInvoice != null) {
            metadata.put("microcent_invoice_id", ourInvoice);
        }
        return event.toPrettyString();
    }

    private static ObjectNode envelope(ObjectNode data) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("object", "event");
        event.put("api_version", "2025-04-30.basil");
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.set("data", data);
        return event;
    }

    private static ObjectNode fixture(String name) {
        try (InputStream in = StripeWebhookTest.class.getResourceAsStream("/stripe/" + name)) {
            return (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
