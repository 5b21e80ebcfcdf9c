package io.microcent.rating.deadletters;

import io.microcent.rating.RatedLog;
import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.deadletter.DeadLetter;
import io.microcent.model.deadletter.DeadLetterReason;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.model.id.ProjectId;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.kafka.KafkaConfigs;
import io.microcent.platform.test.KafkaTestRecords;
import io.microcent.rating.pricebook.RunningRating;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.microcent.rating.pricebook.RunningRating.WAIT;
import static io.microcent.rating.pricebook.RunningRating.json;
import static io.microcent.rating.stream.UsageEvents.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Usage set aside before its customer existed is listed, and replayed once its customer exists: billed exactly once. */
class DeadLetterReplayBrokerTest {

    private static final Instant NOV_3 = Instant.parse("2026-11-03T10:00:00Z");
    private static RunningRating rating;

    @BeforeAll
    static void startRating() {
        rating = RunningRating.start();
    }

    @AfterAll
    static void stopRating() {
        if (rating != null) {
            rating.close();
        }
    }

    @Test
    void usageOfACustomerNotYetKnownIsListedThenReplayedOnceItExistsAndRatedExactlyOnce() {
        CustomerId early = CustomerId.of("early-" + UUID.randomUUID());
        UsageEvent first = requests(early, NOV_3, 3);
        UsageEvent second = requests(early, NOV_3.plusSeconds(1), 4);
        rating.produce(Topics.USAGE_EVENTS, early, first);
        rating.produce(Topics.USAGE_EVENTS, early, first); // the same event twice: set aside twice
        rating.produce(Topics.USAGE_EVENTS, early, second);

        JsonNode listed = await().atMost(WAIT).until(() -> list("?reason=customer_unknown&customer=" + early.raw()),
                page -> page.path("deadLetters").size() == 3);
        assertThat(listed.path("deadLetters")).allSatisfy(letter -> {
            assertThat(letter.path("reason").asText()).isEqualTo("customer_unknown");
            assertThat(letter.path("consumer").asText()).isEqualTo("microcent-rating");
            assertThat(letter.path("sourceTopic").asText()).isEqualTo("usage.events");
            assertThat(letter.path("customer").asText()).isEqualTo(early.raw());
            assertThat(letter.path("replayable").asBoolean()).isTrue();
            assertThat(letter.path("value").path("customer").asText()).as("the original record, as JSON").isEqualTo(early.raw());
        });
        assertThat(listed.path("deadLetters")).extracting(letter -> letter.path("value").path("id").asText())
                .as("newest first").containsExactly(second.id().raw(), first.id().raw(), first.id().raw());
        JsonNode firstPage = list("?customer=" + early.raw() + "&limit=2");
        assertThat(firstPage.path("deadLetters")).hasSize(2);
        JsonNode secondPage = json(rating.send("GET", firstPage.path("next").asText(), null));
        assertThat(secondPage.path("deadLetters")).extracting(letter -> letter.path("value").path("id").asText())
                .containsExactly(first.id().raw());
        assertThat(secondPage.path("next").isTextual()).as("the last page has no next").isFalse();
        JsonNode health = json(rating.send("GET", "/health/ready", null));
        assertThat(health.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.path("deadLetters").path("microcent-rating").asLong()).isGreaterThanOrEqualTo(3);

        // the customer is created; a probe shows rating knows its plan before the replay
        rating.produce(Topics.CUSTOMER_PLANS, early, new CustomerPlan(early, PlanId.of("starter"), NOV_3));
        UsageEvent probe = requests(early, NOV_3.plusSeconds(2), 1);
        rating.produce(Topics.USAGE_EVENTS, early, probe);
        await().atMost(WAIT).until(() -> ratedIds(early).contains(probe.id().raw()));

        JsonNode replay = json(rating.send("POST", "/v1/dead-letters/replay?reason=customer_unknown&customer=" + early.raw(), null));
        assertThat(replay.path("replayed").asInt()).isEqualTo(3);
        assertThat(replay.path("notReplayable").asInt()).isZero();
        JsonNode again = json(rating.send("POST", "/v1/dead-letters/replay?reason=customer_unknown&customer=" + early.raw(), null));
        assertThat(again.path("replayed").asInt()).as("already replayed").isZero();

        // a sentinel behind the replayed records on the customer's partition: once it is rated, they were all read
        UsageEvent sentinel = requests(early, NOV_3.plusSeconds(3), 1);
        rating.produce(Topics.USAGE_EVENTS, early, sentinel);
        await().atMost(WAIT).until(() -> ratedIds(early).contains(sentinel.id().raw()));
        assertThat(ratedIds(early)).as("the repeated event is rated once")
                .containsExactlyInAnyOrder(probe.id().raw(), first.id().raw(), second.id().raw(), sentinel.id().raw());
        assertThat(list("?customer=" + early.raw()).path("deadLetters")).allSatisfy(letter ->
                assertThat(letter.path("replayedAt").isTextual()).isTrue());
    }

    @Test
    void aRecordAProjectionSetAsideIsListedAsBytesAndNotReplayed() {
        String customer = "proj-" + UUID.randomUUID();
        byte[] value = {(byte) 0xC3, 0x28, 0x00, 0x01}; // neither UTF-8 nor JSON
        DeadLetter letter = new DeadLetter(DeadLetterReason.INVALID_TEXT, "rating-usage-hourly", Topics.USAGE_RATED.name(),
                2, 17, customer, "database: invalid byte sequence (SQLState 22021)", Instant.now(), null,
                customer.getBytes(StandardCharsets.UTF_8), value);
        try (var producer = new KafkaProducer<>(KafkaConfigs.durableProducer(rating.context().kafkaBootstrap(), "dl-test"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(letter.toProducerRecord(null)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }

        JsonNode listed = await().atMost(WAIT).until(() -> list("?customer=" + customer), page -> page.path("deadLetters").size() == 1);
        JsonNode shown = listed.path("deadLetters").get(0);
        assertThat(shown.path("reason").asText()).isEqualTo("invalid_text");
        assertThat(shown.path("sourceTopic").asText()).isEqualTo("usage.rated");
        assertThat(shown.path("sourcePartition").asInt()).isEqualTo(2);
        assertThat(shown.path("sourceOffset").asLong()).isEqualTo(17);
        assertThat(shown.path("replayable").asBoolean()).isFalse();
        assertThat(shown.path("valueBase64").asText()).isEqualTo(java.util.Base64.getEncoder().encodeToString(value));

        JsonNode replay = json(rating.send("POST", "/v1/dead-letters/replay?reason=invalid_text&customer=" + customer, null));
        assertThat(replay.path("replayed").asInt()).isZero();
        assertThat(replay.path("notReplayable").asInt()).isEqualTo(1);
    }

    @Test
    void usageWithANulInItsProjectIsSetAsideAndTheRollupsGoOn() {
        CustomerId customer = CustomerId.of("nul-" + UUID.randomUUID());
        rating.produce(Topics.CUSTOMER_PLANS, customer, new CustomerPlan(customer, PlanId.of("starter"), NOV_3));
        UsageEvent poisoned = withProject(requests(customer, NOV_3, 1), "placeholder");
        // written as JSON, the way producers wrote usage before binary records, so a NUL can be slipped in
        String json = Topics.valueAsText(Topics.USAGE_EVENTS.name(),
                Topics.USAGE_EVENTS.valueSerde().serializer().serialize(Topics.USAGE_EVENTS.name(), poisoned))
                .replace("\"project\":\"placeholder\"", "\"project\":\"a\\u0000\"");
        produceRaw(customer.raw(), json.getBytes(StandardCharsets.UTF_8));
        rating.produce(Topics.USAGE_EVENTS, customer, withProject(requests(customer, NOV_3.plusSeconds(1), 1), "fine"));

        await().atMost(WAIT).until(() -> rating.context().database().dsl().fetchCount(DSL.table(DSL.name("rating", "usage_hourly")),
                DSL.field(DSL.name("customer")).eq(customer.raw()).and(DSL.field(DSL.name("project")).eq("fine"))) == 1);
        JsonNode listed = await().atMost(WAIT).until(() -> list("?customer=" + customer.raw()),
                page -> page.path("deadLetters").size() >= 1);
        // where it is set aside depends on how strictly text is read: by a projection the database refused, or unreadable
        assertThat(listed.path("deadLetters")).allSatisfy(letter ->
                assertThat(letter.path("reason").asText()).isIn("invalid_text", "unreadable"));
        assertThat(rating.service().isReady()).as("nothing stopped").isTrue();
        assertThat(rating.send("GET", "/health/ready", null).statusCode()).isEqualTo(200);
    }

    @Test
    void replayNeedsAKnownReasonAndTheOperatorToken() {
        assertThat(rating.send("POST", "/v1/dead-letters/replay", null).statusCode()).isEqualTo(400);
        assertThat(rating.send("GET", "/v1/dead-letters?reason=no_such_reason", null).statusCode()).isEqualTo(400);
        assertThat(rating.send("GET", "/v1/dead-letters", "wrong-token", null).statusCode()).isEqualTo(401);
    }

    private static UsageEvent withProject(UsageEvent event, String project) {
        return new UsageEvent(event.schemaVersion(), event.id(), event.customer(), event.timestamp(), event.ingestedAt(),
                ProjectId.of(project), event.costCenter(), event.apiKeyId(), event.user(), event.team(), event.provider(),
                event.model(), event.requests(), event.inputTokens(), event.outputTokens(), event.cacheReadTokens(),
                event.cacheWriteTokens(), event.reservationId());
    }

    private static void produceRaw(String key, byte[] value) {
        try (var producer = new KafkaProducer<>(KafkaConfigs.durableProducer(rating.context().kafkaBootstrap(), "dl-raw"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.USAGE_EVENTS.name(),
                    key.getBytes(StandardCharsets.UTF_8), value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode list(String query) {
        HttpResponse<String> response = rating.send("GET", "/v1/dead-letters" + query, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response);
    }

    private static List<String> ratedIds(CustomerId customer) {
        return RatedLog.linesOf(rating.context().kafkaBootstrap(), customer).stream()
                .map(RatedUsage::event).map(event -> event.id().raw())
                .toList();
    }
}
