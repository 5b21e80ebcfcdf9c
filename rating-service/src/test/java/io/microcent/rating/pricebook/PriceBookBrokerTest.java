package io.microcent.rating.pricebook;

import io.microcent.rating.RatedLog;
import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.price.ModelPriceHistory;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.test.KafkaTestRecords;
import io.microcent.rating.dedup.RatedEvents;
import io.microcent.rating.stream.RatingTopology;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.microcent.rating.pricebook.RunningRating.WAIT;
import static io.microcent.rating.pricebook.RunningRating.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Prices set through the API reach the running rating topology; unpriced usage is listed. */
class PriceBookBrokerTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant NOV_15 = Instant.parse("2026-11-15T00:00:00Z");

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
    void aPriceOverrideReachesTheRunningTopologyAndPricesUsageByEventTime() {
        ModelId model = ModelId.of("test-model-" + UUID.randomUUID());
        CustomerId customer = onStarter();
        override(model, "0.000002", NOV_1);
        override(model, "0.000001", NOV_15);
        await().atMost(WAIT).until(() -> pricesInTopology(model) == 2);

        rating.produce(Topics.USAGE_EVENTS, customer, usage(customer, model, NOV_15.minusSeconds(1), 1_000));
        rating.produce(Topics.USAGE_EVENTS, customer, usage(customer, model, NOV_15.plusSeconds(1), 1_000));

        List<RatedUsage> lines = await().atMost(WAIT).until(() -> rated(customer), found -> found.size() >= 2);
        assertThat(lines).extracting(RatedUsage::costMicrocents).containsExactly(Microcents.of(2_000), Microcents.of(1_000));
        assertThat(lines).extracting(RatedUsage::unpriced).containsOnly(false);
    }

    @Test
    void usageOfAModelWithoutPriceIsRatedAtZeroAndListedAsUnpriced() {
        String model = "home-grown-" + UUID.randomUUID();
        CustomerId customer = onStarter();
        Instant seen = Instant.parse("2026-11-10T08:00:00Z");

        rating.produce(Topics.USAGE_EVENTS, customer, usage(customer, ModelId.of(model), seen, 500));
        rating.produce(Topics.USAGE_EVENTS, customer, usage(customer, ModelId.of(model), seen.plusSeconds(60), 500));

        List<RatedUsage> lines = await().atMost(WAIT).until(() -> rated(customer), found -> found.size() >= 2);
        assertThat(lines).extracting(RatedUsage::costMicrocents).containsOnly(Microcents.ZERO);
        assertThat(lines).extracting(RatedUsage::unpriced).containsOnly(true);
        JsonNode listed = await().atMost(WAIT).until(() -> unpriced(model), entry -> entry != null && entry.get("events").asLong() == 2);
        assertThat(listed.get("provider").asText()).isEqualTo("acme-ai");
        assertThat(listed.get("firstSeen").asText()).isEqualTo("2026-11-10T08:00:00Z");
        assertThat(listed.get("lastSeen").asText()).isEqualTo("2026-11-10T08:01:00Z");
        assertThat(listed.get("customers")).extracting(JsonNode::asText).containsExactly(customer.raw());
    }

    @Test
    void anEventSentTwiceIsRatedOnce() {
        CustomerId customer = onStarter();
        UsageEvent event = usage(customer, ModelId.of("gpt-4o"), NOV_1.plusSeconds(5), 10);
        UsageEvent after = usage(customer, ModelId.of("gpt-4o"), NOV_1.plusSeconds(6), 10);

        rating.produce(Topics.USAGE_EVENTS, customer, event);
        rating.produce(Topics.USAGE_EVENTS, customer, event);
        rating.produce(Topics.USAGE_EVENTS, customer, after);

        // the event after the duplicate is rated, so the duplicate has been dealt with by then
        List<RatedUsage> lines = await().atMost(WAIT).until(() -> rated(customer),
                found -> found.stream().anyMatch(line -> line.event().id().equals(after.id())));
        assertThat(lines).extracting(line -> line.event().id()).containsExactly(event.id(), after.id());
        assertThat(droppedDuplicates()).isGreaterThanOrEqualTo(1.0);
    }

    /**
     * The duplicates dropped so far, summed over the tasks, from the client's own metrics (Micrometer
     * exports them to {@code /metrics} as {@code kafka_stream_rating_dedup_duplicates_dropped_total}
     * on its own schedule).
     */
    private static double droppedDuplicates() {
        return rating.service().streams().metrics().entrySet().stream()
                .filter(metric -> metric.getKey().name().equals(RatedEvents.METRIC + "-total")
                        && metric.getKey().group().equals("stream-" + RatedEvents.METRIC_SCOPE + "-metrics"))
                .mapToDouble(metric -> (Double) metric.getValue().metricValue())
                .sum();
    }

    private static CustomerId onStarter() {
        CustomerId customer = CustomerId.of("acme-" + UUID.randomUUID());
        rating.produce(Topics.CUSTOMER_PLANS, customer, new CustomerPlan(customer, PlanId.of("starter"), NOV_1));
        return customer;
    }

    private static void override(ModelId model, String inputPerToken, Instant effectiveFrom) {
        var response = rating.send("PUT", "/v1/price-book/models/" + model,
                "{\"inputPerToken\": \"" + inputPerToken + "\", \"effectiveFrom\": \"" + effectiveFrom + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** How many prices of the model the topology's global price book holds now. */
    private static int pricesInTopology(ModelId model) {
        ReadOnlyKeyValueStore<ModelId, ModelPriceHistory> book = rating.service().streams().store(
                StoreQueryParameters.fromNameAndType(RatingTopology.PRICE_BOOK_STORE, QueryableStoreTypes.keyValueStore()));
        ModelPriceHistory history = book.get(model);
        return history == null ? 0 : history.prices().size();
    }

    private static UsageEvent usage(CustomerId customer, ModelId model, Instant at, long inputTokens) {
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("evt-" + UUID.randomUUID()), customer, at, at,
                null, null, null, null, null, "acme-ai", model, 1, inputTokens, 0, 0, 0);
    }

    private static List<RatedUsage> rated(CustomerId customer) {
        return RatedLog.linesOf(rating.context().kafkaBootstrap(), customer);
    }

    private static JsonNode unpriced(String model) {
        for (JsonNode entry : json(rating.send("GET", "/v1/price-book/unpriced", null)).get("models")) {
            if (entry.get("model").asText().equals(model)) {
                return entry;
            }
        }
        return null;
    }
}
