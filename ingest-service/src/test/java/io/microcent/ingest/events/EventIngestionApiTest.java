package io.microcent.ingest.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.microcent.ingest.IngestTestApp;
import io.microcent.ingest.UsageLog;
import io.microcent.ingest.UsageLog.Logged;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ReservationId;
import io.microcent.model.topic.CustomerPartitions;
import io.microcent.model.json.Json;
import io.microcent.model.usage.Tag;
import io.microcent.model.usage.UsageEvent;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.microcent.ingest.IngestTestApp.eventJson;
import static io.microcent.ingest.IngestTestApp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class EventIngestionApiTest {

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
        String customer = app.newCustomer();
        Instant eventTime = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant before = Instant.now();

        HttpResponse<String> response = app.postEvents(secret, """
                {"id":"evt-single","customer":"%s","timestamp":"%s","project":"Search","costCenter":"R&D",
                 "apiKeyId":"gw-7","user":"ann@acme.io","team":"core","provider":"openai","model":"gpt-4o",
                 "requests":2,"inputTokens":1000,"outputTokens":200,"cacheReadTokens":300,"cacheWriteTokens":40}
                """.formatted(customer, eventTime));
        Instant after = Instant.now();

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response)).isEqualTo(parseJson("{\"accepted\":1,\"duplicates\":0}"));
        Logged record = singleRecordOf(customer);
        assertThat(record.key()).isEqualTo(customer);
        UsageEvent event = record.event();
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
    void anArrayIsProducedAsOneRecordPerPartitionInOrderKeyedByItsFirstCustomerWithOneIngestTime() {
        int partitions = endOffsets().size();
        String acme = app.newCustomer();
        String neighbour = customerWhere(c -> CustomerPartitions.of(c, partitions) == partitionOf(acme, partitions));
        String elsewhere = customerWhere(c -> CustomerPartitions.of(c, partitions) != partitionOf(acme, partitions));
        Instant eventTime = Instant.now().minus(Duration.ofDays(2));

        HttpResponse<String> response = app.postEvents(secret, "[" + eventJson("a-1", acme, eventTime) + ","
                + eventJson("e-1", elsewhere, eventTime) + "," + eventJson("n-1", neighbour, eventTime) + ","
                + eventJson("a-2", acme, eventTime) + "]");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).get("accepted").asInt()).isEqualTo(4);
        List<ConsumerRecord<byte[], byte[]>> shared = app.usageLog().batchesOf(acme);
        assertThat(shared).as("one record for the partition acme and its neighbour share").singleElement().satisfies(record -> {
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(acme);
            assertThat(record.partition()).isEqualTo(partitionOf(acme, partitions));
            assertThat(UsageLog.batchOf(record).events()).extracting(e -> e.id().raw()).containsExactly("a-1", "n-1", "a-2");
        });
        Logged other = singleRecordOf(elsewhere);
        assertThat(other.key()).isEqualTo(elsewhere);
        assertThat(other.partition()).isEqualTo(partitionOf(elsewhere, partitions));
        UsageEvent defaults = other.event();
        assertThat(defaults.requests()).isEqualTo(1);
        assertThat(defaults.totalTokens()).isZero();
        assertThat(defaults.project()).isNull();
        assertThat(List.of(shared.getFirst().timestamp(), other.timestamp())).containsOnly(defaults.ingestedAt().toEpochMilli());
    }

    @Test
    void aLargeArrayOfOneCustomerIsCutIntoRecordsOfAtMost256Events() {
        String customer = app.newCustomer();
        Instant eventTime = Instant.now().minus(Duration.ofHours(1));
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 300; i++) {
            body.append(i == 0 ? "" : ",").append(eventJson("big-" + i, customer, eventTime));
        }

        HttpResponse<String> response = app.postEvents(secret, body.append("]").toString());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(app.usageLog().batchesOf(customer)).extracting(record -> UsageLog.batchOf(record).events().size())
                .containsExactly(256, 44);
        assertThat(recordsOf(customer)).extracting(logged -> logged.event().id().raw())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 300).mapToObj(i -> "big-" + i).toList());
    }

    @Test
    void oneBadEventRefusesTheWholeBatchAndNothingIsProduced() {
        String customer = app.newCustomer();
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
        String customer = app.newCustomer();
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
        String customer = app.newCustomer();

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
        String own = app.newCustomer();
        String other = app.newCustomer();
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
        assertThat(recordsOf(own)).extracting(r -> r.event().id().raw()).containsExactly("s-2");
    }

    @Test
    void anEventBeforeTheOldestOpenBillingPeriodIsRefused() {
        String customer = app.newCustomer();
        Instant lastYear = Instant.now().minus(Duration.ofDays(365));

        HttpResponse<String> response = app.postEvents(secret, "[" + eventJson("recent", customer, Instant.now()) + ","
                + eventJson("old", customer, lastYear) + "]");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("index").asInt()).isEqualTo(1);
            assertThat(error.get("field").asText()).isEqualTo("timestamp");
            assertThat(error.get("code").asText()).isEqualTo("timestamp_too_old");
        });
        assertThat(recordsOf(customer)).isEmpty();
    }

    @Test
    void theReservationFromAuthorizeTravelsOnTheProducedEventAndIsAbsentWithoutOne() {
        String customer = app.newCustomer();
        ReservationId reservation = ReservationId.random();
        Instant now = Instant.now();

        HttpResponse<String> response = app.postEvents(secret, """
                [{"id":"evt-reserved","customer":"%s","timestamp":"%s","model":"gpt-4o","inputTokens":10,"reservationId":"%s"},
                 {"id":"evt-unreserved","customer":"%s","timestamp":"%s","model":"gpt-4o","inputTokens":10}]
                """.formatted(customer, now, reservation, customer, now));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(app.usageLog().eventsOf(customer)).extracting(e -> e.id().raw(), UsageEvent::reservationId)
                .containsExactly(tuple("evt-reserved", reservation), tuple("evt-unreserved", null));
    }

    @Test
    void tagsTravelOnTheProducedEventEachOnceAndSortedAndAnEventWithoutTagsHasNone() {
        String customer = app.newCustomer();
        Instant now = Instant.now();

        HttpResponse<String> response = app.postEvents(secret, """
                [{"id":"evt-tagged","customer":"%1$s","timestamp":"%2$s","tags":["feature:chat","env:prod","env:prod"]},
                 {"id":"evt-untagged","customer":"%1$s","timestamp":"%2$s","tags":null},
                 {"id":"evt-absent","customer":"%1$s","timestamp":"%2$s"}]""".formatted(customer, now));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(app.usageLog().eventsOf(customer)).extracting(e -> e.id().raw(), e -> e.tags().stream().map(Tag::raw).toList())
                .containsExactly(tuple("evt-tagged", List.of("env:prod", "feature:chat")), tuple("evt-untagged", List.of()),
                        tuple("evt-absent", List.of()));
    }

    @Test
    void badTagsRefuseTheBatchNamingEachTagWithItsIndexAndRule() {
        String customer = app.newCustomer();
        Instant now = Instant.now();

        HttpResponse<String> response = app.postEvents(secret, """
                [{"id":"t-0","customer":"%1$s","timestamp":"%2$s","tags":["env:prod","Env:prod"]},
                 {"id":"t-1","customer":"%1$s","timestamp":"%2$s","tags":["a:1","b:1","c:1","d:1","e:1","f:1","g:1","h:1","i:1","j:1","k:1"]},
                 {"id":"t-2","customer":"%1$s","timestamp":"%2$s","tags":"env:prod"}]""".formatted(customer, now));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = json(response);
        assertThat(problem.get("code").asText()).isEqualTo("validation_failed");
        assertThat(problem.get("errors")).extracting(e -> e.get("index").asInt(), e -> e.get("field").asText(),
                e -> e.get("code").asText()).containsExactly(
                tuple(0, "tags[1]", "invalid_tag"),
                tuple(1, "tags", "too_many_tags"),
                tuple(2, "tags", "wrong_type"));
        assertThat(recordsOf(customer)).isEmpty();
    }

    @Test
    void anAnthropicUsageObjectIsCountedAsStandardTokens() {
        String customer = app.newCustomer();
        String anthropicResponse = testPayload("payloads/llm/anthropic_messages_cache_write_and_read.recorded-pydantic-ai.json");

        HttpResponse<String> response = app.postEvents(secret, """
                {"id":"msg-1","customer":"%s","timestamp":"%s","provider":"anthropic","model":"claude-sonnet-4-5",
                 "usage":%s}""".formatted(customer, Instant.now(), parseJson(anthropicResponse).get("usage")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        UsageEvent event = singleRecordOf(customer).event();
        assertThat(event).extracting(UsageEvent::provider, e -> e.model().raw(), UsageEvent::requests)
                .containsExactly("anthropic", "claude-sonnet-4-5", 1L);
        // Anthropic's input_tokens already exclude both cache buckets
        assertThat(event).extracting(UsageEvent::inputTokens, UsageEvent::outputTokens, UsageEvent::cacheReadTokens,
                UsageEvent::cacheWriteTokens).containsExactly(3L, 33L, 1111L, 418L);
    }

    @Test
    void aUsageObjectBesideTokenFieldsIsAmbiguousAndAnUnknownProvidersIsUnsupported() {
        String customer = app.newCustomer();
        Instant now = Instant.now();

        HttpResponse<String> response = app.postEvents(secret, """
                [{"id":"u-0","customer":"%1$s","timestamp":"%2$s","provider":"openai","inputTokens":5,"usage":{"prompt_tokens":5}},
                 {"id":"u-1","customer":"%1$s","timestamp":"%2$s","provider":"acme-llm","usage":{"tokens":5}}]"""
                .formatted(customer, now));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors")).extracting(e -> e.get("index").asInt(), e -> e.get("field").asText(),
                e -> e.get("code").asText()).containsExactly(
                tuple(0, "usage", "ambiguous_usage"),
                tuple(1, "provider", "unsupported_provider"));
        assertThat(recordsOf(customer)).isEmpty();
    }

    @Test
    void anUnsupportedContentTypeIsRefusedAndNoContentTypeMeansMicrocentJson() {
        String customer = app.newCustomer();
        byte[] event = eventJson("ct-1", customer, Instant.now()).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> refused = app.postEvents(secret, "text/plain", event);
        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(json(refused).get("code").asText()).isEqualTo("unsupported_media_type");
        assertThat(recordsOf(customer)).isEmpty();

        assertThat(app.postEvents(secret, null, event).statusCode()).isEqualTo(202);
        assertThat(recordsOf(customer)).hasSize(1);
    }

    @Test
    void acceptedEventsAndProduceLatencyAreMeasured() {
        MeterRegistry meters = app.context().meters();
        double acceptedBefore = meters.get("microcent.ingest.events.accepted").counter().count();
        long timedBefore = meters.get("microcent.ingest.produce.latency").timer().count();
        String customer = app.newCustomer();
        Instant now = Instant.now();

        app.postEvents(secret, "[" + eventJson("m-1", customer, now) + "," + eventJson("m-2", customer, now) + "]");

        assertThat(meters.get("microcent.ingest.events.accepted").counter().count()).isEqualTo(acceptedBefore + 2);
        assertThat(meters.get("microcent.ingest.produce.latency").timer().count()).isEqualTo(timedBefore + 1);
    }

    @Test
    void eventsOfACustomerThatDoesNotExistAreRefusedWithTheirIndexAndCaseMatters() {
        String customer = app.newCustomer();
        String upperCase = customer.toUpperCase(java.util.Locale.ROOT);
        Instant now = Instant.now();
        Map<TopicPartition, Long> endBefore = endOffsets();

        HttpResponse<String> response = app.postEvents(secret, "[" + eventJson("u-0", customer, now) + ","
                + eventJson("u-1", upperCase, now) + "," + eventJson("u-2", "never-created-" + UUID.randomUUID(), now) + "]");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors")).extracting(e -> e.get("index").asInt(), e -> e.get("field").asText(),
                e -> e.get("code").asText()).containsExactly(
                tuple(1, "customer", "customer_not_found"),
                tuple(2, "customer", "customer_not_found"));
        assertThat(endOffsets()).isEqualTo(endBefore);
    }

    @Test
    void aCustomerIsKnownAsSoonAsItWasPublished() {
        String customer = app.createCustomer("just-created-" + UUID.randomUUID());

        assertThat(app.postEvents(secret, eventJson("j-0", customer, Instant.now())).statusCode()).isEqualTo(202);
        assertThat(app.isReady()).isTrue();
    }

    @Test
    void anIdWithNulOrALoneSurrogateIsRefusedNotStoredOrCollided() {
        String customer = app.newCustomer();
        Instant now = Instant.now();

        HttpResponse<String> response = app.postEvents(secret, "["
                + "{\"id\":\"n-0\",\"customer\":\"" + customer + "\",\"timestamp\":\"" + now + "\",\"project\":\"a\\u0000b\"},"
                + "{\"id\":\"x\\ud800\",\"customer\":\"" + customer + "\",\"timestamp\":\"" + now + "\"}]");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors")).extracting(e -> e.get("index").asInt(), e -> e.get("field").asText(),
                e -> e.get("code").asText()).containsExactly(tuple(0, "project", "invalid_id"), tuple(1, "id", "invalid_id"));
    }

    @Test
    void tokenCountsThatCouldOverflowASumOfMoneyAreRefused() {
        String customer = app.newCustomer();

        HttpResponse<String> response = app.postEvents(secret, "{\"id\":\"huge\",\"customer\":\"" + customer
                + "\",\"timestamp\":\"" + Instant.now() + "\",\"model\":\"o1-pro\",\"inputTokens\":1000000000000,"
                + "\"outputTokens\":1000000000000}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors")).extracting(e -> e.get("field").asText(), e -> e.get("code").asText())
                .containsExactly(tuple("inputTokens", "too_large"), tuple("outputTokens", "too_large"));
        assertThat(recordsOf(customer)).isEmpty();
    }

    @Test
    void aBodyOfMalformedUtf8IsRefused() {
        String customer = app.newCustomer();
        byte[] overlongNul = ("{\"id\":\"x" + "\u00ff\",\"customer\":\"" + customer + "\",\"timestamp\":\"" + Instant.now() + "\"}")
                .getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(overlongNul, (byte) 0xFF);
        byte[] body = new byte[overlongNul.length + 1];
        System.arraycopy(overlongNul, 0, body, 0, at);
        body[at] = (byte) 0xC0;
        body[at + 1] = (byte) 0x80;
        System.arraycopy(overlongNul, at + 1, body, at + 2, overlongNul.length - at - 1);

        HttpResponse<String> response = app.postEvents(secret, "application/json", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("code").asText()).isEqualTo("malformed_json");
        assertThat(recordsOf(customer)).isEmpty();
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        throw new AssertionError("no byte " + value);
    }

    static String testPayload(String resource) {
        try (var in = EventIngestionApiTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static List<Logged> recordsOf(String customer) {
        return app.usageLog().recordsOf(customer);
    }

    private static Logged singleRecordOf(String customer) {
        List<Logged> records = recordsOf(customer);
        assertThat(records).hasSize(1);
        return records.getFirst();
    }

    private static int partitionOf(String customer, int partitions) {
        return CustomerPartitions.of(CustomerId.of(customer), partitions);
    }

    /** A new customer whose id passes the test (ids are random, so a few tries find one). */
    private static String customerWhere(java.util.function.Predicate<CustomerId> test) {
        while (true) {
            CustomerId candidate = CustomerId.of("acme-" + UUID.randomUUID());
            if (test.test(candidate)) {
                return app.createCustomer(candidate.raw());
            }
        }
    }

    private static Map<TopicPartition, Long> endOffsets() {
        return app.usageLog().endOffsets();
    }

    private static JsonNode parseJson(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
