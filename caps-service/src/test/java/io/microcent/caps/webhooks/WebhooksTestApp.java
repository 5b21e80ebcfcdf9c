package io.microcent.caps.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.caps.CapsModule;
import io.microcent.model.caps.CapAlert;
import io.microcent.model.id.CustomerId;
import io.microcent.model.invoice.InvoiceNotification;
import io.microcent.model.json.Json;
import io.microcent.model.topic.Topics;
import io.microcent.platform.customers.KnownCustomers;
import io.microcent.platform.http.HttpServer;
import io.microcent.platform.kafka.KafkaConfigs;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.test.TestContexts;
import io.microcent.platform.test.TestCustomers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks on the shared real Kafka and PostgreSQL, with fast retries, behind their own HTTP
 * server; plus what tests do with them: produce alerts and invoice notifications and call the API as an operator.
 */
final class WebhooksTestApp implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);
    /** Fast enough for tests; the schedule's shape is the production one. */
    static final Map<String, String> ENV = Map.of(
            "MICROCENT_WEBHOOK_BACKOFF_BASE_MS", "20",
            "MICROCENT_WEBHOOK_MAX_ATTEMPTS", "4",
            "MICROCENT_WEBHOOK_POLL_MS", "50",
            // the receivers of these tests listen on 127.0.0.1
            "MICROCENT_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true");

    private final ServiceContext context;
    private final KnownCustomers customers;
    private final AlertWebhooks webhooks;
    private final HttpServer http;
    private final KafkaProducer<CustomerId, CapAlert> producer;
    private final KafkaProducer<CustomerId, InvoiceNotification> invoiceProducer;
    private final KafkaProducer<byte[], byte[]> rawProducer;
    private final HttpClient client = HttpClient.newHttpClient();

    private WebhooksTestApp(ServiceContext context, KnownCustomers customers, AlertWebhooks webhooks, HttpServer http) {
        this.context = context;
        this.customers = customers;
        this.webhooks = webhooks;
        this.http = http;
        this.producer = new KafkaProducer<>(KafkaConfigs.durableProducer(context.kafkaBootstrap(), "webhooks-test-producer"),
                Topics.CAPS_ALERTS.keySerde().serializer(), Topics.CAPS_ALERTS.valueSerde().serializer());
        this.invoiceProducer = new KafkaProducer<>(KafkaConfigs.durableProducer(context.kafkaBootstrap(), "webhooks-test-invoices"),
                Topics.INVOICE_EVENTS.keySerde().serializer(), Topics.INVOICE_EVENTS.valueSerde().serializer());
        this.rawProducer = new KafkaProducer<>(KafkaConfigs.durableProducer(context.kafkaBootstrap(), "webhooks-test-raw"),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    String kafkaBootstrap() {
        return context.kafkaBootstrap();
    }

    static WebhooksTestApp start() {
        ServiceContext context = TestContexts.forService(CapsModule.NAME, ENV, Clock.systemUTC());
        WebhookSettings settings = WebhookSettings.from(context.env());
        context.env().validate();
        context.database().migrate(CapsModule.NAME);
        KnownCustomers customers = KnownCustomers.start(context.kafkaBootstrap(), "webhooks-test-customers");
        AlertWebhooks webhooks = AlertWebhooks.start(context, settings, customers);
        HttpServer http = HttpServer.start("127.0.0.1", 0, List.of(webhooks.routes()), Map.of("webhooks", webhooks::isReady), context.meters());
        await().atMost(WAIT).until(() -> webhooks.isReady() && customers.isReady());
        return new WebhooksTestApp(context, customers, webhooks, http);
    }

    /** Publishes {@code customer} on customer.plans: endpoints may only be configured for customers that exist. */
    String createCustomer(String customer) {
        return TestCustomers.create(context.kafkaBootstrap(), customer);
    }

    void produce(CapAlert alert) {
        try {
            producer.send(new ProducerRecord<>(Topics.CAPS_ALERTS.name(), alert.customer(), alert)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce a cap alert", e);
        }
    }

    void produce(InvoiceNotification notification) {
        try {
            invoiceProducer.send(new ProducerRecord<>(Topics.INVOICE_EVENTS.name(), notification.customer(), notification)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce an invoice notification", e);
        }
    }

    /** Puts bytes that are no record of the topic on it, under {@code customer}'s key. */
    void produceRaw(String topic, CustomerId customer, byte[] value) {
        try {
            rawProducer.send(new ProducerRecord<>(topic, customer.raw().getBytes(java.nio.charset.StandardCharsets.UTF_8), value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce raw bytes", e);
        }
    }

    /** Configures an endpoint; answers the created webhook, with its secret. */
    JsonNode createWebhook(String json) {
        HttpResponse<String> response = call("POST", "/v1/webhooks", json, TestContexts.OPERATOR_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response);
    }

    /** Configures an endpoint for {@code customer} (published first), or for every customer when null. */
    JsonNode createWebhook(TestReceiver receiver, String customer, String format) {
        if (customer != null) {
            createCustomer(customer);
        }
        return createWebhook(Json.mapper().createObjectNode().put("url", receiver.url()).put("customer", customer)
                .put("format", format).put("description", "test receiver").toString());
    }

    /** The delivery log of an endpoint. */
    List<JsonNode> deliveries(String webhookId) {
        HttpResponse<String> response = call("GET", "/v1/webhooks/" + webhookId + "/deliveries", null, TestContexts.OPERATOR_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> deliveries = new ArrayList<>();
        read(response).get("deliveries").forEach(deliveries::add);
        return deliveries;
    }

    HttpResponse<String> call(String method, String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
        invoiceProducer.close();
        rawProducer.close();
        http.close();
        webhooks.close();
        customers.close();
    }
}
