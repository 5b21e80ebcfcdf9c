package io.microcent.rating.stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.microcent.model.deadletter.DeadLetter;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.LateUsagePolicy;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageBatch;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.kafka.DeadLetterCounter;
import io.microcent.rating.pricebook.PriceBookPricer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static io.microcent.rating.stream.UsageEvents.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** One record never stops rating: what a processor throws on, or cannot read, is set aside and the next record is rated. */
class DeadLetterTopologyTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final CustomerId ACME = CustomerId.of("acme");
    /** Input tokens that make the pricer below throw, standing for any bug or bad data a processor trips on. */
    private static final long CURSED = 13_013;

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<CustomerId, UsageEvent> events;
    private TestInputTopic<byte[], byte[]> rawEvents;
    private RatedLines rated;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void startDriver() {
        RatingRules rules = new RatingRules(PlanCatalog.defaults(), (event, prices) -> {
            if (event.inputTokens() == CURSED) {
                throw new IllegalStateException("cannot price this event");
            }
            return PriceBookPricer.INSTANCE.costOf(event, prices);
        }, LateUsagePolicy.DEFAULT);
        Properties config = new Properties();
        config.putAll(RatingTopology.streamsConfig("unused:9092", stateDir, 1));
        config.put(DeadLetterCounter.CONFIG, new DeadLetterCounter(meters));
        driver = new TopologyTestDriver(RatingTopology.build(new StreamsBuilder(), rules), config, NOV_1);
        events = driver.createInputTopic(Topics.USAGE_EVENTS.name(), Topics.USAGE_EVENTS.keySerde().serializer(),
                Topics.USAGE_EVENTS.valueSerde().serializer());
        rawEvents = driver.createInputTopic(Topics.USAGE_EVENTS.name(), new ByteArraySerializer(), new ByteArraySerializer());
        rated = new RatedLines(driver);
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        driver.createInputTopic(Topics.CUSTOMER_PLANS.name(), Topics.CUSTOMER_PLANS.keySerde().serializer(),
                        Topics.CUSTOMER_PLANS.valueSerde().serializer())
                .pipeInput(ACME, new CustomerPlan(ACME, PlanId.of("starter"), NOV_1), NOV_1);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void aRecordTheProcessorThrowsOnIsSetAsideAsSentAndTheNextIsRated() {
        UsageEvent cursed = tokens(ACME, NOV_1.plusSeconds(1), CURSED, 1);
        UsageEvent next = tokens(ACME, NOV_1.plusSeconds(2), 100, 1);
        byte[] sent = Topics.USAGE_EVENTS.valueSerde().serializer().serialize(Topics.USAGE_EVENTS.name(), cursed);
        rawEvents.pipeInput("acme".getBytes(StandardCharsets.UTF_8), sent, cursed.ingestedAt());
        events.pipeInput(ACME, next, next.ingestedAt());

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.value()).as("the original bytes").isEqualTo(sent);
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("acme");
        assertThat(header(dead, DeadLetter.REASON)).isEqualTo("processing_failed");
        assertThat(header(dead, DeadLetter.CONSUMER)).isEqualTo(RatingTopology.APPLICATION_ID);
        assertThat(header(dead, DeadLetter.SOURCE_TOPIC)).isEqualTo(Topics.USAGE_EVENTS.name());
        assertThat(header(dead, DeadLetter.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(dead, DeadLetter.CUSTOMER)).isEqualTo("acme");
        assertThat(header(dead, DeadLetter.DETAIL)).contains("rate-usage", "cannot price this event")
                .doesNotContain("IllegalStateException", "java.");
        assertThat(deadLetters.isEmpty()).isTrue();

        List<RatedUsage> lines = rated.readValuesToList();
        assertThat(lines).extracting(line -> line.event().id()).containsExactly(next.id());
        assertThat(lines.getFirst().includedRequests()).as("the set-aside event counted nothing").isEqualTo(1);
        assertThat(DeadLetterCounter.perConsumer(meters)).containsEntry(RatingTopology.APPLICATION_ID, 1L);
    }

    @Test
    void aBatchTheProcessorThrowsOnPartWayIsSetAsideWholeAndLeavesNoStateBehind() {
        UsageEvent fine = tokens(ACME, NOV_1.plusSeconds(1), 100, 1);
        UsageEvent cursed = tokens(ACME, NOV_1.plusSeconds(1), CURSED, 1);
        byte[] sent = Topics.USAGE_EVENT_BATCHES.valueSerde().serializer()
                .serialize(Topics.USAGE_EVENTS.name(), new UsageBatch(List.of(fine, cursed)));
        rawEvents.pipeInput("acme".getBytes(StandardCharsets.UTF_8), sent, fine.ingestedAt());
        events.pipeInput(ACME, fine, fine.ingestedAt());

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.value()).as("the original record, whole").isEqualTo(sent);
        assertThat(header(dead, DeadLetter.REASON)).isEqualTo("processing_failed");
        List<RatedUsage> lines = rated.readValuesToList();
        assertThat(lines).as("the batch's first event was neither remembered nor counted")
                .extracting(line -> line.event().id(), RatedUsage::includedRequests).containsExactly(tuple(fine.id(), 1L));
    }

    @Test
    void unreadableUsageAndAnUnknownCustomerAreSetAsideAndTheNextIsRated() {
        // (the test driver does not pass on what a deserialization handler emits; the broker test shows the
        // unreadable record on dead-letters, DeadLetterHandlersTest its headers)
        rawEvents.pipeInput("acme".getBytes(StandardCharsets.UTF_8), "{not json".getBytes(StandardCharsets.UTF_8), NOV_1);
        UsageEvent stranger = tokens(CustomerId.of("stranger"), NOV_1.plusSeconds(1), 100, 1);
        events.pipeInput(stranger.customer(), stranger, stranger.ingestedAt());
        UsageEvent next = tokens(ACME, NOV_1.plusSeconds(2), 100, 1);
        events.pipeInput(ACME, next, next.ingestedAt());

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(header(dead, DeadLetter.REASON)).isEqualTo("customer_unknown");
        assertThat(header(dead, DeadLetter.CONSUMER)).isEqualTo(RatingTopology.APPLICATION_ID);
        assertThat(header(dead, DeadLetter.SOURCE_TOPIC)).isEqualTo(Topics.USAGE_EVENTS.name());
        assertThat(header(dead, DeadLetter.SOURCE_OFFSET)).isEqualTo("1");
        assertThat(header(dead, DeadLetter.CUSTOMER)).isEqualTo("stranger");
        assertThat(header(dead, DeadLetter.TIME)).isNotBlank();
        assertThat(Topics.USAGE_EVENTS.valueSerde().deserializer().deserialize(Topics.USAGE_EVENTS.name(), dead.value()))
                .as("the event, as on usage.events, so a replay republishes it").isEqualTo(stranger);
        assertThat(rated.readValuesToList()).extracting(line -> line.event().id()).containsExactly(next.id());
        assertThat(DeadLetterCounter.perConsumer(meters)).as("unreadable and unknown customer")
                .containsEntry(RatingTopology.APPLICATION_ID, 2L);
    }

    private static String header(TestRecord<?, ?> record, String name) {
        return DeadLetter.header(record.headers(), name);
    }
}
