package io.microcent.rating.stream;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.price.LongContextTier;
import io.microcent.model.price.ModelPrice;
import io.microcent.model.price.ModelPriceHistory;
import io.microcent.model.price.TokenRates;
import io.microcent.model.topic.Topic;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import io.microcent.rating.dedup.RatedEvents;
import org.apache.kafka.common.Metric;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The rating topology's provider cost (from the price book global table), event-id dedup and adjustment flag. */
class CostAndDedupTopologyTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant NOV_15 = Instant.parse("2026-11-15T00:00:00Z");
    private static final CustomerId ACME = CustomerId.of("acme");
    private static final ModelId GPT_4O = ModelId.of("gpt-4o");
    private static final ModelId SONNET = ModelId.of("claude-sonnet-4-5");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<CustomerId, CustomerPlan> plans;
    private TestInputTopic<CustomerId, UsageEvent> events;
    private TestInputTopic<ModelId, ModelPriceHistory> priceBook;
    private RatedLines rated;
    private TestOutputTopic<CustomerId, UsageEvent> deadLetters;

    @BeforeEach
    void startDriver() {
        Topology topology = RatingTopology.build(new StreamsBuilder(), PlanCatalog.defaults());
        Properties config = new Properties();
        config.putAll(RatingTopology.streamsConfig("unused:9092", stateDir, 1));
        driver = new TopologyTestDriver(topology, config, NOV_1);
        plans = input(Topics.CUSTOMER_PLANS);
        events = input(Topics.USAGE_EVENTS);
        priceBook = input(Topics.PRICE_BOOK);
        rated = new RatedLines(driver);
        deadLetters = driver.createOutputTopic(UsageEvents.DEAD_USAGE.name(), UsageEvents.DEAD_USAGE.keySerde().deserializer(),
                UsageEvents.DEAD_USAGE.valueSerde().deserializer());
        plans.pipeInput(ACME, new CustomerPlan(ACME, PlanId.of("starter"), NOV_1), NOV_1);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void aPricedModelsTokensCostTheirPriceInEffect() {
        publish(GPT_4O, new ModelPrice(NOV_1, "openai", gpt4o("2.5e-06", "1e-05"), null));

        send(tokens("evt-1", GPT_4O, NOV_1.plusSeconds(60), 1_000, 500));

        RatedUsage line = rated.readValue();
        assertThat(line.costMicrocents()).isEqualTo(Microcents.of(7_500));
        assertThat(line.unpriced()).isFalse();
        assertThat(line.includedRequests()).isEqualTo(1);
    }

    @Test
    void aModelWithoutPriceIsRatedAtZeroCostFlaggedUnpricedAndStillCounted() {
        publish(GPT_4O, new ModelPrice(NOV_1, "openai", gpt4o("2.5e-06", "1e-05"), null));

        send(tokens("evt-1", ModelId.of("home-grown-7b"), NOV_1.plusSeconds(60), 1_000, 500));

        RatedUsage line = rated.readValue();
        assertThat(line.costMicrocents()).isEqualTo(Microcents.ZERO);
        assertThat(line.unpriced()).isTrue();
        assertThat(line.includedRequests()).as("the request still counts against the allowance").isEqualTo(1);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aPriceChangeMidMonthAppliesToUsageFromItsDateOnly() {
        ModelPrice november = new ModelPrice(NOV_1, "openai", gpt4o("2.5e-06", "1e-05"), null);
        publish(GPT_4O, november);
        // the price book publishes the model's whole history again when a price is added
        publish(GPT_4O, november, new ModelPrice(NOV_15, "openai", gpt4o("2e-06", "8e-06"), null));

        send(tokens("evt-before", GPT_4O, NOV_15.minusSeconds(1), 1_000, 1_000));
        send(tokens("evt-after", GPT_4O, NOV_15, 1_000, 1_000));

        assertThat(rated.readValuesToList()).extracting(RatedUsage::costMicrocents)
                .containsExactly(Microcents.of(12_500), Microcents.of(10_000));
    }

    @Test
    void aRequestAbove200kInputTokensPaysTheLongContextPricesForAllItsTokens() {
        TokenRates normal = new TokenRates(Rate.ofDollars("3e-06"), Rate.ofDollars("1.5e-05"), Rate.ofDollars("3e-07"), Rate.ofDollars("3.75e-06"));
        TokenRates longer = new TokenRates(Rate.ofDollars("6e-06"), Rate.ofDollars("2.25e-05"), Rate.ofDollars("6e-07"), Rate.ofDollars("7.5e-06"));
        publish(SONNET, new ModelPrice(NOV_1, "anthropic", normal, new LongContextTier(LongContextTier.ABOVE_200K, longer)));

        send(tokens("evt-short", SONNET, NOV_1.plusSeconds(1), 200_000, 1_000));
        send(tokens("evt-long", SONNET, NOV_1.plusSeconds(2), 200_001, 1_000));

        assertThat(rated.readValuesToList()).extracting(RatedUsage::costMicrocents)
                .containsExactly(Microcents.of(615_000), Microcents.of(1_222_506));
    }

    @Test
    void aRepeatedEventIdIsRatedOnceAndTheDropsAreCounted() {
        UsageEvent event = tokens("evt-1", GPT_4O, NOV_1.plusSeconds(60), 10, 10);
        send(event);
        send(event);
        // the same id sent again days later, e.g. a gateway replaying its buffer
        send(ingestedAt(event, event.ingestedAt().plus(Duration.ofDays(10))));

        assertThat(rated.readValuesToList()).extracting(line -> line.event().id()).containsExactly(EventId.of("evt-1"));
        assertThat(droppedDuplicates()).isEqualTo(2.0);
    }

    @Test
    void theSameEventIdOfAnotherCustomerIsNotADuplicate() {
        CustomerId globex = CustomerId.of("globex");
        plans.pipeInput(globex, new CustomerPlan(globex, PlanId.of("starter"), NOV_1), NOV_1);
        UsageEvent acme = tokens("evt-1", GPT_4O, NOV_1.plusSeconds(60), 10, 10);

        send(acme);
        send(new UsageEvent(acme.schemaVersion(), acme.id(), globex, acme.timestamp(), acme.ingestedAt(), null, null, null,
                null, null, "openai", GPT_4O, 1, 10, 10, 0, 0));

        assertThat(rated.readValuesToList()).extracting(line -> line.event().customer()).containsExactly(ACME, globex);
        assertThat(droppedDuplicates()).isZero();
    }

    @Test
    void aDeadLetteredEventSentAgainOnceItCanBeRatedIsRated() {
        CustomerId newcomer = CustomerId.of("newcomer");
        UsageEvent event = new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("evt-early"), newcomer, NOV_1.plusSeconds(5),
                NOV_1.plusSeconds(5), null, null, null, null, null, null, null, 1, 0, 0, 0, 0);
        send(event);
        plans.pipeInput(newcomer, new CustomerPlan(newcomer, PlanId.of("starter"), NOV_1), NOV_1.plusSeconds(6));
        send(ingestedAt(event, NOV_1.plusSeconds(7)));

        assertThat(deadLetters.readValuesToList()).hasSize(1);
        assertThat(rated.readValuesToList()).extracting(line -> line.event().id()).containsExactly(EventId.of("evt-early"));
    }

    @Test
    void anEventIdIsRememberedForItsRetentionOfIngestTime() {
        UsageEvent event = tokens("evt-1", GPT_4O, NOV_1.plusSeconds(60), 10, 10);
        send(event);
        send(ingestedAt(event, event.ingestedAt().plus(Duration.ofDays(39))));
        // past the default 40 days the id is forgotten: a repeat that late is rated again
        send(ingestedAt(event, event.ingestedAt().plus(Duration.ofDays(41))));

        assertThat(rated.readValuesToList()).hasSize(2);
        assertThat(droppedDuplicates()).isEqualTo(1.0);
    }

    @Test
    void lateUsageBilledInALaterPeriodIsFlaggedAsAnAdjustment() {
        // October usage ingested on November 5th, after October's 48 h grace
        send(late("evt-late", NOV_1.minusSeconds(3_600), NOV_1.plus(Duration.ofDays(4))));
        // October usage ingested within the grace still counts in October
        send(late("evt-in-grace", NOV_1.minusSeconds(3_600), NOV_1.plusSeconds(3_600)));

        List<RatedUsage> lines = rated.readValuesToList();
        assertThat(lines).extracting(line -> line.period().toString()).containsExactly("2026-11", "2026-10");
        assertThat(lines).extracting(RatedUsage::adjustment).containsExactly(true, false);
    }

    @Test
    void thePriceBookIsOneGlobalTableReadByTheRatingTask() {
        Topology topology = RatingTopology.build(new StreamsBuilder(), PlanCatalog.defaults());

        assertThat(topology.describe().globalStores()).singleElement()
                .satisfies(store -> assertThat(store.processor().stores()).containsExactly(RatingTopology.PRICE_BOOK_STORE));
        assertThat(topology.describe().subtopologies()).hasSize(1);
    }

    private double droppedDuplicates() {
        return driver.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().name().equals(RatedEvents.METRIC + "-total")
                        && metric.getKey().group().equals("stream-" + RatedEvents.METRIC_SCOPE + "-metrics"))
                .map(java.util.Map.Entry::getValue)
                .mapToDouble(metric -> (Double) ((Metric) metric).metricValue())
                .sum();
    }

    private static TokenRates gpt4o(String input, String output) {
        return new TokenRates(Rate.ofDollars(input), Rate.ofDollars(output), null, null);
    }

    private void publish(ModelId model, ModelPrice... prices) {
        priceBook.pipeInput(model, new ModelPriceHistory(model, List.of(prices)), NOV_1);
    }

    private static UsageEvent tokens(String id, ModelId model, Instant at, long input, long output) {
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of(id), ACME, at, at, null, null, null, null, null,
                "openai", model, 1, input, output, 0, 0);
    }

    private static UsageEvent late(String id, Instant at, Instant ingestedAt) {
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of(id), ACME, at, ingestedAt, null, null, null, null, null,
                null, null, 1, 0, 0, 0, 0);
    }

    private static UsageEvent ingestedAt(UsageEvent event, Instant ingestedAt) {
        return new UsageEvent(event.schemaVersion(), event.id(), event.customer(), event.timestamp(), ingestedAt,
                event.project(), event.costCenter(), event.apiKeyId(), event.user(), event.team(), event.provider(),
                event.model(), event.requests(), event.inputTokens(), event.outputTokens(), event.cacheReadTokens(),
                event.cacheWriteTokens());
    }

    private void send(UsageEvent event) {
        events.pipeInput(event.customer(), event, event.ingestedAt());
    }

    private <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }
}
