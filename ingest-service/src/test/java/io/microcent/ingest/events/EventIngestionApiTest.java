package io.microcent.ingest.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.microcent.ingest.IngestTestApp;
import io.microcent.model.json.Json;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.test.KafkaTestRecords;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.microcent.ingest.IngestTestApp.eventJson;
import static io.microcent.ingest.IngestTestApp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class EventIngestionApiTest {

    private static final String TOPIC = Topics.USAGE_EVENTS.name();

    private static IngestTestApp app;
    private static String secret;

    @BeforeAll
    static void start() {
        app = IngestTestApp.start();
        secret = app.createKey("events test", null).get("secret").asText();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aSingleEventIsProducedKeyedByCustomerWithTheIngestTimeAsRecordTimestamp() {
        String customer = newCustomer();
        Instant eventTime = Instant.parse("2025-01-31T12:00:00Z");
        Instant before = Instant.now();

        HttpResponse<String> response = app.postEvents(secret, """
                {"id":"evt-single","customer":"%s","timestamp":"%s","project":"Search","costCenter":"R&D",
                 "apiKeyId":"gw-7","user":"ann@acme.io","team":"core","provider":"openai","model":"gpt-4o",
                 "requests":2,"inputTokens":1000,"outputTokens":200,"cacheReadTokens":300,"cacheWriteTokens":40}
                """.formatted(customer, eventTime));
        Instant after = Instant.now();

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response)).isEqualTo(parseJson("{\"accepted\":1,\"duplicates\":0}"));
        ConsumerRecord<String, String> record = singleRecordOf(customer);
        assertThat(record.key()).isEqualTo(customer);
        UsageEvent event = usageEvent(record);
        assertThat(event.schemaVersion()).isEqualTo(UsageEvent.SCHEMA_VERSION);
        assertThat(event.id().raw()).isEqualTo("evt-single");
        assertThat(event.timestamp()).isEqualTo(eventTime);
        assertThat(event.ingestedAt()).isBetween(before, after);
        assertThat(record.timestamp()).isEqualTo(event.ingestedAt().toEpochMilli()).isNotEqualTo(eventTime.toEpochMilli());
        assertThat(event).extracting(e -> e.project().raw(), e -> e.costCenter().raw(), e -> e.apiKeyId().raw(),
                        e -> e.user().raw(), e -> e.team().raw(), UsageEvent::provider, e -> e.model().raw())
                .containsExactly("Search", "R&D", "gw-7", "ann@acme.io", "core", "openai", "gpt-4o");
        assertThat(event).extracting(UsageEvent::requests, UsageEvent::inputTokens, UsageEvent::outputTokens,
                UsageEvent::cacheReadTokens, UsageEvent::cacheWriteTokens).containsExactly(2L, 1000L, 200L, 300L, 40L);
    }

    @Test
    void anArrayIsProducedInOrderEachEventKeyedByItsCustomerWithOneIngestTime() {
        String acme = newCustomer();
        String globex = newCustomer();
        Instant eventTime = Instant.now().minus(Duration.ofDays(2));

        HttpResponse<String> response = app.postEvents(secret, "[" + eventJson("a-1", acme, eventTime) + ","
                + eventJson("g-1", globex, eventTime) + "," + eventJson("a-2", acme, eventTime) + "]");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).get("accepted").asInt()).isEqualTo(3);
        List<ConsumerRecord<String, String>> acmeRecords = recordsOf(acme);
        assertThat(acmeRecords).extracting(r -> usageEvent(r).id().raw()).containsExactly("a-1", "a-2");
        assertThat(acmeRecords).extracting(ConsumerRecord::partition).containsOnly(acmeRecords.getFirst().partition());
        ConsumerRecord<String, String> globexRecord = singleRecordOf(globex);
        UsageEvent defaults = usageEvent(globexRecord);
        assertThat(defaults.requests()).isEqualTo(1);
        assertThat(defaults.totalTokens()).isZero();
        assertThat(defaults.project()).isNull();
        assertThat(List.of(acmeRecords.get(0), acmeRecords.get(1), globexRecord))
                .extracting(ConsumerRecord::timestamp).containsOnly(defaults.ingestedAt().toEpochMilli());
    }

    @Test
    void oneBadEventRefusesTheWholeBatchAndNothingIsProduced() {
        String customer = newCustomer();
        Instant now = Instant.now();
        Map<TopicPartition, Long> endBefore = endOffsets();

        HttpResponse<String> response = app.postEvents(secret, "[" + eventJson("e-0", customer, now) + ","
                + eventJson("e-1", customer, now) + ","
                + "{\"id\":\"e-2\",\"customer\":\"" + customer + "\",\"timestamp\":\"" + now + "\",\"inputTokens\":-5},"
                + eventJson("e-3", customer, now) + "]");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("code").asText()).isEqualTo("validation_failed");
        assertThat(problem.get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("index").asInt()).isEqualTo(2);
            assertThat(error.get("field").asText()).isEqualTo("inputTokens");
            assertThat(error.get("code").asText()).isEqualTo("negative");
        });
        assertThat(endOffsets()).isEqualTo(endBefore);
        assertThat(recordsOf(customer)).isEmpty();
    }

    @Test
    void everyBadEventOfABatchIsListed() {
        String customer = newCustomer();
        Instant now = Instant.now();
        Map<TopicPartition, Long> endBefore = endOffsets();

        HttpResponse<String> response = app.postEvents(secret, "["
                + "{\"customer\":\"" + customer + "\",\"timestamp\":\"" + now + "\"},"
                + eventJson("ok-1", customer, now) + ","
                + "{\"id\":\"b-2\",\"customer\":\"" + customer + "\",\"timestamp\":\"last tuesday\",\"outputTokens\":\"12\"},"
                + "\"not an event\","
                + "{\"id\":\"b-4\",\"customer\":\"" + customer + "\",\"timestamp\":\"" + now + "\",\"cacheReadTokens\":1000000000001}"
                + "]");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = json(response);
        assertThat(problem.get("detail").asText()).startsWith("4 of 5 events are invalid");
        assertThat(problem.get("errors")).extracting(e -> e.get("index").asInt(), e -> e.get("field").asText(),
                e -> e.get("code").asText()).containsExactly(
                tuple(0, "id", "required"),
                tuple(2, "timestamp", "invalid_timestamp"),
                tuple(2, "outputTokens", "wrong_type"),
                tuple(3, "event", "wrong_type"),
                tuple(4, "cacheReadTokens", "too_large"));
        assertThat(endOffsets()).isEqualTo(endBefore);
    }

    @Test
    void anEventMoreThanFiveMinutesInTheFutureIsRefused() {
        String customer = newCustomer();

        HttpResponse<String> response = app.postEvents(secret,
                eventJson("future", customer, Instant.now().plus(Duration.ofMinutes(10))));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors")).singleElement().satisfies(error -> {
            assertThat(error.has("index")).isFalse();
            assertThat(error.get("field").asText()).isEqualTo("timestamp");
            assertThat(error.get("code").asText()).isEqualTo("timestamp_in_future");
        });
        assertThat(recordsOf(customer)).isEmpty();
    }

    @Test
    void malformedJsonIsABadRequest() {
        HttpResponse<String> response = app.postEvents(secret, "[{\"id\":\"evt\",");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("code").asText()).isEqualTo("malformed_json");
    }

    @Test
    void anEmptyArrayIsRefused() {
        HttpResponse<String> response = app.postEvents(secret, "[]");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors").get(0).get("field").asText()).isEqualTo("body");
    }

    @Test
    void aKeyScopedToACustomerMaySendOnlyThatCustomersEvents() {
        String own = newCustomer();
        String other = newCustomer();
        String scopedSecret = app.createKey("scoped", own).get("secret").asText();
        Instant now = Instant.now();
        Map<TopicPartition, Long> endBefore = endOffsets();

        HttpResponse<String> refused = app.postEvents(scopedSecret, "[" + eventJson("s-0", own, now) + ","
                + eventJson("s-1", other, now) + "]");

        assertThat(refused.statusCode()).isEqualTo(403);
        JsonNode problem = json(refused);
        assertThat(problem.get("code").asText()).isEqualTo("forbidden");
        assertThat(problem.get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("index").asInt()).isEqualTo(1);
            assertThat(error.get("field").asText()).isEqualTo("customer");
        });
        assertThat(endOffsets()).isEqualTo(endBefore);

        assertThat(app.postEvents(scopedSecret, eventJson("s-2", own, now)).statusCode()).isEqualTo(202);
        assertThat(recordsOf(own)).extracting(r -> usageEvent(r).id().raw()).containsExactly("s-2");
    }

    @Test
    void acceptedEventsAndProduceLatencyAreMeasured() {
        MeterRegistry meters = app.context().meters();
        double acceptedBefore = meters.get("microcent.ingest.events.accepted").counter().count();
        long timedBefore = meters.get("microcent.ingest.produce.latency").timer().count();
        String customer = newCustomer();
        Instant now = Instant.now();

        app.postEvents(secret, "[" + eventJson("m-1", customer, now) + "," + eventJson("m-2", customer, now) + "]");

        assertThat(meters.get("microcent.ingest.events.accepted").counter().count()).isEqualTo(acceptedBefore + 2);
        assertThat(meters.get("microcent.ingest.produce.latency").timer().count()).isEqualTo(timedBefore + 1);
    }

    private static String newCustomer() {
        return "acme-" + UUID.randomUUID();
    }

    private static List<ConsumerRecord<String, String>> recordsOf(String customer) {
        return KafkaTestRecords.readAll(app.context().kafkaBootstrap(), TOPIC, true).stream()
                .filter(r -> customer.equals(r.key()))
                .toList();
    }

    private static ConsumerRecord<String, String> singleRecordOf(String customer) {
        List<ConsumerRecord<String, String>> records = recordsOf(customer);
        assertThat(records).hasSize(1);
        return records.getFirst();
    }

    private static UsageEvent usageEvent(ConsumerRecord<String, String> record) {
        try {
            return Json.mapper().readValue(record.value(), UsageEvent.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parseJson(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The end of every partition of the usage log, as a read_committed consumer sees it. */
    private static Map<TopicPartition, Long> endOffsets() {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, app.context().kafkaBootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition()))
                    .toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(30));
        }
    }
}
