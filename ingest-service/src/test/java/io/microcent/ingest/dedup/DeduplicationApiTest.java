package io.microcent.ingest.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.ingest.IngestTestApp;
import io.microcent.ingest.UsageLog;
import io.microcent.model.usage.UsageEvent;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.microcent.ingest.IngestTestApp.eventJson;
import static io.microcent.ingest.IngestTestApp.json;
import static io.microcent.ingest.db.Tables.SEEN_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

class DeduplicationApiTest {

    private static IngestTestApp app;
    private static String secret;
    private static UsageLog usageLog;

    @BeforeAll
    static void start() {
        app = IngestTestApp.start();
        secret = app.createKey("dedup test", null).get("secret").asText();
        usageLog = app.usageLog();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theSameBatchSentTwiceIsProducedOnceAndTheRetryAnsweredAsDuplicates() {
        String customer = app.newCustomer();
        String batch = batch(customer, "r-1", "r-2", "r-3");

        JsonNode first = accepted(app.postEvents(secret, batch));
        Map<TopicPartition, Long> endAfterFirst = usageLog.endOffsets();
        JsonNode retry = accepted(app.postEvents(secret, batch));

        assertThat(first).isEqualTo(answer(3, 0));
        assertThat(retry).isEqualTo(answer(0, 3));
        assertThat(usageLog.endOffsets()).isEqualTo(endAfterFirst);
        assertThat(usageLog.eventsOf(customer)).extracting(e -> e.id().raw()).containsExactly("r-1", "r-2", "r-3");
    }

    @Test
    void anIdRepeatedInsideOneRequestCountsOnceAsItsFirstOccurrence() {
        String customer = app.newCustomer();
        Instant now = Instant.now();

        JsonNode answer = accepted(app.postEvents(secret, "[" + withInputTokens("twice", customer, now, 10) + ","
                + eventJson("once", customer, now) + "," + withInputTokens("twice", customer, now, 99) + "]"));

        assertThat(answer).isEqualTo(answer(2, 1));
        List<UsageEvent> produced = usageLog.eventsOf(customer);
        assertThat(produced).extracting(e -> e.id().raw()).containsExactly("twice", "once");
        assertThat(produced.getFirst().inputTokens()).isEqualTo(10);
    }

    @Test
    void aRetryWithNewEventsProducesOnlyTheNewOnes() {
        String customer = app.newCustomer();
        accepted(app.postEvents(secret, batch(customer, "a", "b")));

        JsonNode answer = accepted(app.postEvents(secret, batch(customer, "a", "b", "c")));

        assertThat(answer).isEqualTo(answer(1, 2));
        assertThat(usageLog.eventsOf(customer)).extracting(e -> e.id().raw()).containsExactly("a", "b", "c");
    }

    @Test
    void theSameIdForAnotherCustomerIsAnotherEvent() {
        String acme = app.newCustomer();
        String globex = app.newCustomer();
        accepted(app.postEvents(secret, batch(acme, "shared-id")));

        JsonNode answer = accepted(app.postEvents(secret, batch(globex, "shared-id")));

        assertThat(answer).isEqualTo(answer(1, 0));
        assertThat(usageLog.recordsOf(globex)).hasSize(1);
    }

    @Test
    void anEventRetriedInAnotherFormatIsStillADuplicate() {
        String customer = app.newCustomer();
        Instant now = Instant.now();
        accepted(app.postEvents(secret, eventJson("cross-format", customer, now)));

        String cloudEvent = """
                {"specversion":"1.0","id":"cross-format","source":"/gw","type":"io.microcent.usage.v1",
                 "subject":"%s","time":"%s"}""".formatted(customer, now);
        JsonNode answer = accepted(app.postEvents(secret, "application/cloudevents+json",
                cloudEvent.getBytes(StandardCharsets.UTF_8)));

        assertThat(answer).isEqualTo(answer(0, 1));
        assertThat(usageLog.recordsOf(customer)).hasSize(1);
    }

    @Test
    void aRefusedBatchRecordsNothingAsSeenSoItsCorrectedRetryIsAcceptedWhole() {
        String customer = app.newCustomer();
        Instant now = Instant.now();
        String good = eventJson("fix-0", customer, now);

        HttpResponse<String> refused = app.postEvents(secret, "[" + good + "," + withInputTokens("fix-1", customer, now, -1) + "]");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(seenIdsOf(customer)).isEmpty();

        JsonNode answer = accepted(app.postEvents(secret, "[" + good + "," + withInputTokens("fix-1", customer, now, 1) + "]"));

        assertThat(answer).isEqualTo(answer(2, 0));
        assertThat(seenIdsOf(customer)).containsExactlyInAnyOrder("fix-0", "fix-1");
        assertThat(usageLog.recordsOf(customer)).hasSize(2);
    }

    @Test
    void acceptedEventsAreRecordedAsSeenAtTheirIngestTime() {
        String customer = app.newCustomer();

        accepted(app.postEvents(secret, batch(customer, "t-1")));

        UsageEvent produced = usageLog.eventsOf(customer).getFirst();
        var row = app.context().database().dsl().selectFrom(SEEN_EVENTS).where(SEEN_EVENTS.CUSTOMER.eq(customer)).fetchSingle();
        assertThat(row.getEventId()).isEqualTo("t-1");
        assertThat(row.getFirstSeenAt().toInstant()).isEqualTo(produced.ingestedAt().truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void tenThousandEventsInMoreThanTenMebibytesAreAcceptedAndTheirRetryIsAllDuplicates() {
        String customer = app.newCustomer();
        Instant now = Instant.now();
        // each event carries a provider's whole response, as gateways send them: together over 10 MiB
        String response = EventRequests.compactPayload("payloads/llm/openai_responses.openapi-example-reasoning.json");
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            events.add("{\"id\":\"big-" + i + "\",\"customer\":\"" + customer + "\",\"timestamp\":\"" + now
                    + "\",\"provider\":\"openai\",\"model\":\"o1\",\"usage\":" + response + "}");
        }
        String body = "[" + String.join(",", events) + "]";
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(10 * 1024 * 1024);
        long endBefore = total(usageLog.endOffsets());

        JsonNode first = accepted(app.postEvents(secret, body));
        long endAfterFirst = total(usageLog.endOffsets());
        JsonNode retry = accepted(app.postEvents(secret, body));

        assertThat(first).isEqualTo(answer(10_000, 0));
        assertThat(endAfterFirst - endBefore).as("records of at most 256 events: 10,000 / 256 rounded up").isEqualTo(40);
        assertThat(usageLog.eventsOf(customer)).hasSize(10_000);
        assertThat(retry).isEqualTo(answer(0, 10_000));
        assertThat(total(usageLog.endOffsets())).isEqualTo(endAfterFirst);
        assertThat(seenIdsOf(customer)).hasSize(10_000);
    }

    private static List<String> seenIdsOf(String customer) {
        return app.context().database().dsl().select(SEEN_EVENTS.EVENT_ID).from(SEEN_EVENTS)
                .where(SEEN_EVENTS.CUSTOMER.eq(customer)).fetch(SEEN_EVENTS.EVENT_ID);
    }

    private static JsonNode accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response);
    }

    private static JsonNode answer(int accepted, int duplicates) {
        return EventRequests.json("{\"accepted\":" + accepted + ",\"duplicates\":" + duplicates + "}");
    }

    private static String batch(String customer, String... ids) {
        Instant now = Instant.now();
        List<String> events = new ArrayList<>();
        for (String id : ids) {
            events.add(eventJson(id, customer, now));
        }
        return "[" + String.join(",", events) + "]";
    }

    private static String withInputTokens(String id, String customer, Instant timestamp, long inputTokens) {
        return "{\"id\":\"" + id + "\",\"customer\":\"" + customer + "\",\"timestamp\":\"" + timestamp
                + "\",\"inputTokens\":" + inputTokens + "}";
    }

    private static long total(Map<TopicPartition, Long> endOffsets) {
        return endOffsets.values().stream().mapToLong(Long::longValue).sum();
    }

}
