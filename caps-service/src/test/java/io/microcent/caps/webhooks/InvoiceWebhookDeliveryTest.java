package io.microcent.caps.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.caps.webhooks.TestReceiver.Received;
import io.microcent.model.caps.CapAlert;
import io.microcent.model.id.CustomerId;
import io.microcent.model.invoice.InvoiceNotification;
import io.microcent.model.json.Json;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.platform.test.KafkaTestRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.microcent.caps.webhooks.CapAlerts.crossed;
import static io.microcent.caps.webhooks.CapAlerts.uniqueCustomer;
import static io.microcent.caps.webhooks.WebhooksTestApp.WAIT;
import static io.microcent.platform.test.TestContexts.OPERATOR_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Invoice notifications from invoice.events go through the same outbox, dispatcher and signatures as cap alerts:
 * once per matching endpoint (customer and event-type filter), deduplicated by their id.
 */
class InvoiceWebhookDeliveryTest {

    private static final Instant FINALIZED_AT = Instant.parse("2026-12-03T00:00:01Z");
    private static WebhooksTestApp app;

    @BeforeAll
    static void start() {
        app = WebhooksTestApp.start();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void invoiceEventsReachTheMatchingEndpointsOnceEachSigned() throws Exception {
        CustomerId acme = uniqueCustomer();
        CustomerId other = uniqueCustomer();
        app.createCustomer(acme.raw());
        try (TestReceiver everything = TestReceiver.start(); TestReceiver capsOnly = TestReceiver.start();
             TestReceiver invoicesSlack = TestReceiver.start()) {
            JsonNode forAcme = app.createWebhook(webhook(everything, acme, null, "json"));
            JsonNode alertsOnly = app.createWebhook(webhook(capsOnly, acme, "[\"cap.*\"]", "json"));
            JsonNode invoicesOfAll = app.createWebhook(webhook(invoicesSlack, null, "[\"invoice.finalized\",\"invoice.paid\"]", "slack"));
            assertThat(invoicesOfAll.get("events")).hasSize(2);
            try {
                String invoice = "in_" + UUID.randomUUID();
                InvoiceNotification finalized = notification(InvoiceNotification.FINALIZED, invoice, acme, "finalized", FINALIZED_AT);
                InvoiceNotification paid = notification(InvoiceNotification.PAID, invoice, acme, "paid", FINALIZED_AT.plusSeconds(60));
                InvoiceNotification othersVoid = notification(InvoiceNotification.VOIDED, "in_" + UUID.randomUUID(), other,
                        "void", FINALIZED_AT);
                CapAlert alert = crossed(acme, 80);

                app.produce(finalized);
                app.produce(finalized); // a retried command publishes its notification again
                app.produce(othersVoid);
                // same customer, same partition: once the payment is delivered, both copies were read
                app.produce(paid);
                app.produce(alert);

                await().atMost(WAIT).until(() -> delivered(forAcme) == 3 && delivered(alertsOnly) == 1 && invoicesSlack.received().size() == 2);
                assertThat(app.deliveries(forAcme.get("id").asText())).extracting(d -> d.get("eventId").asText(), d -> d.get("eventType").asText())
                        .containsExactlyInAnyOrder(
                                tuple(finalized.id(), "invoice.finalized"),
                                tuple(paid.id(), "invoice.paid"),
                                tuple(alert.alertId().toString(), "cap.threshold_crossed"));
                assertThat(everything.received()).extracting(Received::eventId)
                        .containsExactlyInAnyOrder(finalized.id(), paid.id(), alert.alertId().toString());
                assertThat(app.deliveries(alertsOnly.get("id").asText())).extracting(d -> d.get("eventId").asText())
                        .containsExactly(alert.alertId().toString());

                Received first = everything.received().stream().filter(r -> r.eventId().equals(finalized.id())).findFirst().orElseThrow();
                assertSignedBy(forAcme, first);
                JsonNode event = Json.mapper().readTree(first.body());
                assertThat(event.get("id").asText()).isEqualTo(invoice + ":invoice.finalized");
                assertThat(event.get("type").asText()).isEqualTo("invoice.finalized");
                assertThat(event.get("createdAt").asText()).isEqualTo("2026-12-03T00:00:01Z");
                assertThat(event.get("data").get("invoice").asText()).isEqualTo(invoice);
                assertThat(event.get("data").get("amountDueCents").asLong()).isEqualTo(1_050);
                assertThat(event.get("data").get("currency").asText()).isEqualTo("usd");
                assertThat(Json.mapper().treeToValue(event.get("data"), InvoiceNotification.class)).isEqualTo(finalized);

                // the unscoped endpoint filtered on two invoice types: acme's two, not the other customer's void
                assertThat(invoicesSlack.received()).extracting(Received::eventId).containsExactlyInAnyOrder(finalized.id(), paid.id());
                Received slack = invoicesSlack.received().stream().filter(r -> r.eventId().equals(finalized.id())).findFirst().orElseThrow();
                assertSignedBy(invoicesOfAll, slack);
                assertThat(Json.mapper().readTree(slack.body()).get("text").asText())
                        .isEqualTo("Invoice " + invoice + " for " + acme.raw() + " (2026-11) finalized: $10.50 due");
            } finally {
                // an endpoint for every customer would otherwise get the events of the tests that follow
                app.call("DELETE", "/v1/webhooks/" + invoicesOfAll.get("id").asText(), null, OPERATOR_TOKEN);
            }
        }
    }

    @Test
    void anUnreadableInvoiceRecordIsSetAsideAndTheNextOneDelivered() {
        CustomerId acme = uniqueCustomer();
        app.createCustomer(acme.raw());
        try (TestReceiver receiver = TestReceiver.start()) {
            JsonNode webhook = app.createWebhook(webhook(receiver, acme, null, "json"));
            String poison = "{\"id\":\"not an invoice notification " + UUID.randomUUID() + "\"}";

            app.produceRaw(Topics.INVOICE_EVENTS.name(), acme, poison.getBytes(StandardCharsets.UTF_8));
            InvoiceNotification next = notification(InvoiceNotification.FINALIZED, "in_" + UUID.randomUUID(), acme, "finalized", FINALIZED_AT);
            app.produce(next);

            await().atMost(WAIT).until(() -> delivered(webhook) == 1);
            assertThat(receiver.received()).extracting(Received::eventId).containsExactly(next.id());
            assertThat(KafkaTestRecords.readAllValues(app.kafkaBootstrap(), Topics.DEAD_LETTERS.name(), false)).contains(poison);
        }
    }

    @Test
    void anEventFilterMustNameKnownTypesOnce() {
        var unknown = app.call("POST", "/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/x\",\"events\":[\"invoice.paid\",\"invoice.created\",\"invoice.paid\"]}",
                OPERATOR_TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(422);
        JsonNode problem = WebhooksTestApp.read(unknown);
        assertThat(problem.get("code").asText()).isEqualTo("validation_failed");
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText() + " " + e.get("code").asText())
                .containsExactly("events[1] invalid", "events[2] duplicate");
        var empty = app.call("POST", "/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/x\",\"events\":[]}", OPERATOR_TOKEN);
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(WebhooksTestApp.read(empty).get("errors").get(0).get("field").asText()).isEqualTo("events");
    }

    private static String webhook(TestReceiver receiver, CustomerId customer, String events, String format) {
        return "{\"url\":\"" + receiver.url() + "\"" + (customer == null ? "" : ",\"customer\":\"" + customer.raw() + "\"")
                + (events == null ? "" : ",\"events\":" + events) + ",\"format\":\"" + format + "\"}";
    }

    private static InvoiceNotification notification(String type, String invoice, CustomerId customer, String status, Instant at) {
        return InvoiceNotification.of(type, invoice, customer, BillingPeriod.parse("2026-11"), status, 1_050, 1_050, at);
    }

    private static long delivered(JsonNode webhook) {
        List<JsonNode> deliveries = app.deliveries(webhook.get("id").asText());
        return deliveries.stream().filter(d -> d.get("status").asText().equals("delivered")).count();
    }

    private static void assertSignedBy(JsonNode webhook, Received request) {
        assertThat(WebhookSignature.verify(webhook.get("secret").asText(), request.signature(), request.body(),
                WebhookSignature.DEFAULT_TOLERANCE)).as("signature %s of %s", request.signature(), request.body()).isTrue();
    }
}
