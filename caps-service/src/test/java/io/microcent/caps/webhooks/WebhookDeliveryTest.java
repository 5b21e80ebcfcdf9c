package io.microcent.caps.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.caps.webhooks.TestReceiver.Received;
import io.microcent.model.caps.CapAlert;
import io.microcent.model.id.CustomerId;
import io.microcent.model.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.microcent.caps.webhooks.CapAlerts.crossed;
import static io.microcent.caps.webhooks.CapAlerts.uniqueCustomer;
import static io.microcent.caps.webhooks.WebhooksTestApp.WAIT;
import static io.microcent.platform.test.TestContexts.OPERATOR_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Alerts from caps.alerts to local receivers, through the outbox and the dispatcher, on real Kafka and PostgreSQL. */
class WebhookDeliveryTest {

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
    void anAlertIsDeliveredOnceSignedWithTheEndpointsSecret() throws Exception {
        CustomerId customer = uniqueCustomer();
        try (TestReceiver receiver = TestReceiver.start()) {
            JsonNode webhook = app.createWebhook(receiver, customer.raw(), "json");
            CapAlert alert = crossed(customer, 80);

            app.produce(alert);

            JsonNode delivery = awaitDelivered(webhook);
            assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
            assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(200);
            assertThat(delivery.get("alertId").asText()).isEqualTo(alert.alertId().toString());
            assertThat(delivery.get("eventType").asText()).isEqualTo("cap.threshold_crossed");
            assertThat(delivery.has("nextAttemptAt")).isFalse();
            assertThat(app.deliveries(webhook.get("id").asText())).hasSize(1);
            Received request = receiver.received().getFirst();
            assertThat(receiver.received()).hasSize(1);
            assertSignedBy(webhook, request);
            assertThat(delivery.get("payload").asText()).as("the log shows the body as sent").isEqualTo(request.body());
            assertThat(request.eventId()).isEqualTo(alert.alertId().toString());
            assertThat(request.contentType()).startsWith("application/json");
            JsonNode event = Json.mapper().readTree(request.body());
            assertThat(event.get("id").asText()).isEqualTo(alert.alertId().toString());
            assertThat(event.get("type").asText()).isEqualTo("cap.threshold_crossed");
            assertThat(Json.mapper().treeToValue(event.get("data"), CapAlert.class)).isEqualTo(alert);
        }
    }

    @Test
    void aReceiverFailingTwiceGetsTheAlertOnTheThirdAttemptWithTheSameEventId() {
        CustomerId customer = uniqueCustomer();
        try (TestReceiver receiver = TestReceiver.start().answering(500, 500)) {
            JsonNode webhook = app.createWebhook(receiver, customer.raw(), "json");
            CapAlert alert = crossed(customer, 90);

            app.produce(alert);

            JsonNode delivery = awaitDelivered(webhook);
            assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
            assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(200);
            assertThat(delivery.has("lastError")).isFalse();
            List<Received> requests = receiver.received();
            assertThat(requests).hasSize(3);
            assertThat(requests).extracting(Received::eventId).containsOnly(alert.alertId().toString());
            assertThat(requests).extracting(Received::body).containsOnly(requests.getFirst().body());
            requests.forEach(request -> assertSignedBy(webhook, request));
        }
    }

    @Test
    void aReceiverThatNeverAcceptsIsGivenUpAfterTheLastAttempt() {
        CustomerId customer = uniqueCustomer();
        try (TestReceiver receiver = TestReceiver.start().answering(503, 503, 503, 503, 503)) {
            JsonNode webhook = app.createWebhook(receiver, customer.raw(), "json");

            app.produce(crossed(customer, 80));

            JsonNode delivery = await().atMost(WAIT).until(() -> onlyDelivery(webhook),
                    d -> d != null && d.get("status").asText().equals("failed"));
            assertThat(delivery.get("attempts").asInt()).isEqualTo(4);
            assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(503);
            // the status only: what an endpoint answers is never shown in the log
            assertThat(delivery.get("lastError").asText()).isEqualTo("HTTP 503");
            assertThat(delivery.has("nextAttemptAt")).isFalse();
            assertThat(receiver.received()).hasSize(4);
        }
    }

    @Test
    void theSameAlertPublishedTwiceIsDeliveredOnce() {
        CustomerId customer = uniqueCustomer();
        try (TestReceiver receiver = TestReceiver.start()) {
            JsonNode webhook = app.createWebhook(receiver, customer.raw(), "json");
            CapAlert alert = crossed(customer, 80);
            CapAlert later = crossed(customer, 100);

            app.produce(alert);
            app.produce(alert);
            // same customer, same partition: once the later alert is delivered, both copies were read
            app.produce(later);

            await().atMost(WAIT).until(() -> app.deliveries(webhook.get("id").asText()).stream()
                    .filter(d -> d.get("status").asText().equals("delivered")).count() == 2);
            assertThat(app.deliveries(webhook.get("id").asText())).extracting(d -> d.get("alertId").asText())
                    .containsExactlyInAnyOrder(alert.alertId().toString(), later.alertId().toString());
            assertThat(receiver.received()).extracting(Received::eventId)
                    .containsExactlyInAnyOrder(alert.alertId().toString(), later.alertId().toString());
        }
    }

    @Test
    void aReplaySendsADeliveredAlertAgain() {
        CustomerId customer = uniqueCustomer();
        try (TestReceiver receiver = TestReceiver.start()) {
            JsonNode webhook = app.createWebhook(receiver, customer.raw(), "json");
            CapAlert alert = crossed(customer, 80);
            app.produce(alert);
            String deliveryId = awaitDelivered(webhook).get("id").asText();

            var replay = app.call("POST", "/v1/webhooks/deliveries/" + deliveryId + "/replay", null, OPERATOR_TOKEN);

            assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
            assertThat(WebhooksTestApp.read(replay).get("status").asText()).isEqualTo("pending");
            await().atMost(WAIT).until(() -> receiver.received().size() == 2);
            assertThat(receiver.received()).extracting(Received::eventId).containsOnly(alert.alertId().toString());
            assertSignedBy(webhook, receiver.received().get(1));
            JsonNode delivery = awaitDelivered(webhook);
            assertThat(delivery.get("id").asText()).isEqualTo(deliveryId);
            assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aSlackEndpointGetsAReadableSlackMessage() throws Exception {
        CustomerId customer = uniqueCustomer();
        try (TestReceiver receiver = TestReceiver.start()) {
            JsonNode webhook = app.createWebhook(receiver, customer.raw(), "slack");

            app.produce(crossed(customer, 100));

            awaitDelivered(webhook);
            Received request = receiver.received().getFirst();
            assertSignedBy(webhook, request);
            JsonNode message = Json.mapper().readTree(request.body());
            assertThat(message.get("text").asText())
                    .contains(customer.raw() + " is blocked", "$100.00 of $100.00 (100 %)", "refused until the period ends");
            assertThat(message.get("blocks").get(0).get("type").asText()).isEqualTo("header");
            assertThat(message.get("blocks").get(1).get("fields").get(0).get("text").asText()).isEqualTo("*Customer*\n" + customer.raw());
            assertThat(message.has("data")).isFalse();
        }
    }

    @Test
    void anEndpointForOneCustomerGetsOnlyThatCustomersAlerts() {
        CustomerId watched = uniqueCustomer();
        CustomerId other = uniqueCustomer();
        try (TestReceiver filtered = TestReceiver.start(); TestReceiver everything = TestReceiver.start()) {
            JsonNode forWatched = app.createWebhook(filtered, watched.raw(), "json");
            JsonNode forAll = app.createWebhook(everything, null, "json");
            try {
                CapAlert otherAlert = crossed(other, 80);
                CapAlert watchedAlert = crossed(watched, 80);

                app.produce(otherAlert);
                app.produce(watchedAlert);

                // the unfiltered endpoint getting both proves both alerts went through the projection
                await().atMost(WAIT).until(() -> everything.received().size() == 2);
                awaitDelivered(forWatched);
                assertThat(app.deliveries(forWatched.get("id").asText())).extracting(d -> d.get("alertId").asText())
                        .containsExactly(watchedAlert.alertId().toString());
                assertThat(filtered.received()).extracting(Received::eventId).containsExactly(watchedAlert.alertId().toString());
                assertThat(everything.received()).extracting(Received::eventId)
                        .containsExactlyInAnyOrder(otherAlert.alertId().toString(), watchedAlert.alertId().toString());
            } finally {
                // an endpoint for every customer would otherwise get the alerts of the tests that follow
                app.call("DELETE", "/v1/webhooks/" + forAll.get("id").asText(), null, OPERATOR_TOKEN);
            }
        }
    }

    @Test
    void anEndpointAnswering410IsDisabledAndItsDeliveriesCannotBeReplayed() {
        CustomerId customer = uniqueCustomer();
        try (TestReceiver receiver = TestReceiver.start().answering(410)) {
            JsonNode webhook = app.createWebhook(receiver, customer.raw(), "json");

            app.produce(crossed(customer, 80));

            JsonNode delivery = await().atMost(WAIT).until(() -> onlyDelivery(webhook),
                    d -> d != null && d.get("status").asText().equals("failed"));
            assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
            assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(410);
            JsonNode listed = listed(webhook.get("id").asText());
            assertThat(listed.get("status").asText()).isEqualTo("disabled");
            assertThat(listed.get("disabledReason").asText()).contains("410");
            var replay = app.call("POST", "/v1/webhooks/deliveries/" + delivery.get("id").asText() + "/replay", null,
                    OPERATOR_TOKEN);
            assertThat(replay.statusCode()).isEqualTo(409);
            assertThat(WebhooksTestApp.read(replay).get("code").asText()).isEqualTo("conflict");
            assertThat(receiver.received()).hasSize(1);
        }
    }

    private static JsonNode awaitDelivered(JsonNode webhook) {
        return await().atMost(WAIT).until(() -> onlyDelivery(webhook), d -> d != null && d.get("status").asText().equals("delivered"));
    }

    /** The newest delivery of an endpoint, or null while there is none. */
    private static JsonNode onlyDelivery(JsonNode webhook) {
        List<JsonNode> deliveries = app.deliveries(webhook.get("id").asText());
        return deliveries.isEmpty() ? null : deliveries.getFirst();
    }

    private static JsonNode listed(String webhookId) {
        JsonNode list = WebhooksTestApp.read(app.call("GET", "/v1/webhooks", null, OPERATOR_TOKEN));
        for (JsonNode webhook : list.get("webhooks")) {
            if (webhook.get("id").asText().equals(webhookId)) {
                return webhook;
            }
        }
        throw new AssertionError("webhook " + webhookId + " is not listed: " + list);
    }

    private static void assertSignedBy(JsonNode webhook, Received request) {
        assertThat(WebhookSignature.verify(webhook.get("secret").asText(), request.signature(), request.body(),
                WebhookSignature.DEFAULT_TOLERANCE)).as("signature %s of %s", request.signature(), request.body()).isTrue();
    }
}
