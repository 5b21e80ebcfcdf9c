package io.microcent.rating.stream;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.model.topic.Topic;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.UsageBatch;
import io.microcent.model.usage.UsageEvent;
import io.microcent.rating.dedup.RatedEvents;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/** The rating topology under a {@link TopologyTestDriver}, with its input and output topics. */
final class RatingDriver implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final TestInputTopic<CustomerId, CustomerPlan> plans;
    private final TestInputTopic<CustomerId, UsageEvent> events;
    private final TestInputTopic<CustomerId, UsageBatch> batches;
    final RatedLines rated;
    final TestOutputTopic<CustomerId, UsageEvent> deadLetters;

    RatingDriver(RatingRules rules, Path stateDir, Instant start) {
        Properties config = new Properties();
        config.putAll(RatingTopology.streamsConfig("unused:9092", stateDir, 1));
        driver = new TopologyTestDriver(RatingTopology.build(new StreamsBuilder(), rules), config, start);
        plans = input(Topics.CUSTOMER_PLANS);
        events = input(Topics.USAGE_EVENTS);
        batches = input(Topics.USAGE_EVENT_BATCHES);
        rated = new RatedLines(driver);
        deadLetters = output(UsageEvents.DEAD_USAGE);
    }

    void onPlan(CustomerId customer, String plan, Instant at) {
        plans.pipeInput(customer, new CustomerPlan(customer, PlanId.of(plan), at), at);
    }

    void send(UsageEvent event) {
        events.pipeInput(event.customer(), event, event.ingestedAt());
    }

    /** One record of these events, keyed by the first one's customer as ingest writes it, at the first one's ingest time. */
    void sendBatch(UsageEvent... events) {
        sendUnder(events[0].customer(), events);
    }

    /** One record of these events under this key. */
    void sendUnder(CustomerId key, UsageEvent... events) {
        batches.pipeInput(key, new UsageBatch(List.of(events)), events[0].ingestedAt());
    }

    /** The duplicates rating dropped so far. */
    double droppedDuplicates() {
        return driver.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().name().equals(RatedEvents.METRIC + "-total")
                        && metric.getKey().group().equals("stream-" + RatedEvents.METRIC_SCOPE + "-metrics"))
                .mapToDouble(metric -> (Double) metric.getValue().metricValue())
                .sum();
    }

    @Override
    public void close() {
        driver.close();
    }

    private <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <K, V> TestOutputTopic<K, V> output(Topic<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }
}
