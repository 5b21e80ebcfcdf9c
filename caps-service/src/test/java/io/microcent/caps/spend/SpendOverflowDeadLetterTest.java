package io.microcent.caps.spend;

import io.microcent.model.caps.SpendState;
import io.microcent.model.deadletter.DeadLetter;
import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.RatedUsage;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static io.microcent.caps.spend.RatedUsages.rated;
import static org.assertj.core.api.Assertions.assertThat;

/** Spend that would overflow is set aside with reason overflow, counts nothing, and the caps topology goes on. */
class SpendOverflowDeadLetterTest {

    private static final Instant NOV_3 = Instant.parse("2026-11-03T10:00:00Z");
    private static final CustomerId HUGE = CustomerId.of("huge");
    private static final CustomerId NEXT = CustomerId.of("next");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<CustomerId, RatedUsage> rated;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void startDriver() {
        Properties config = new Properties();
        config.putAll(SpendTopology.streamsConfig("unused:9092", stateDir, 1));
        driver = new TopologyTestDriver(SpendTopology.build(new StreamsBuilder()), config, NOV_3);
        rated = driver.createInputTopic(Topics.USAGE_RATED.name(), Topics.USAGE_RATED.keySerde().serializer(),
                Topics.USAGE_RATED.valueSerde().serializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void anOverflowingChargeIsSetAsideAndTheNextUsageIsCounted() {
        long almostAll = Long.MAX_VALUE - 10;
        send(rated(HUGE, NOV_3, 1, almostAll, 0));
        send(rated(HUGE, NOV_3.plusSeconds(1), 1, 100, 0)); // past Long.MAX_VALUE
        send(rated(NEXT, NOV_3.plusSeconds(2), 1, 5, 0));

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).isNotEmpty().allSatisfy(record -> {
            assertThat(DeadLetter.header(record.headers(), DeadLetter.REASON)).isEqualTo("overflow");
            assertThat(DeadLetter.header(record.headers(), DeadLetter.CONSUMER)).isEqualTo(SpendTopology.APPLICATION_ID);
            assertThat(DeadLetter.header(record.headers(), DeadLetter.SOURCE_TOPIC)).isEqualTo(Topics.USAGE_RATED.name());
            assertThat(DeadLetter.header(record.headers(), DeadLetter.SOURCE_OFFSET)).isEqualTo("1");
            assertThat(DeadLetter.header(record.headers(), DeadLetter.CUSTOMER)).isEqualTo("huge");
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("huge");
        });

        KeyValueStore<String, SpendState> spend = driver.getKeyValueStore(SpendTopology.SPEND_STORE);
        assertThat(spend.get(SpendState.keyOf(NEXT, rated(NEXT, NOV_3, 1, 5, 0).period())).chargeMicrocents().value())
                .as("the next usage is counted").isEqualTo(5);
        assertThat(spend.get(SpendState.keyOf(HUGE, rated(HUGE, NOV_3, 1, 5, 0).period())).chargeMicrocents().value())
                .as("the overflowing usage counted nothing").isEqualTo(almostAll);
        assertThat(scopeCharges(HUGE)).as("no scope was partly counted").isNotEmpty().containsOnly(almostAll);
    }

    private void send(RatedUsage usage) {
        rated.pipeInput(usage.event().customer(), usage, usage.event().ingestedAt());
    }

    private List<Long> scopeCharges(CustomerId customer) {
        KeyValueStore<String, ScopeSpend> scopes = driver.getKeyValueStore(SpendTopology.SCOPE_SPEND_STORE);
        List<Long> charges = new ArrayList<>();
        try (KeyValueIterator<String, ScopeSpend> all = scopes.all()) {
            while (all.hasNext()) {
                KeyValue<String, ScopeSpend> entry = all.next();
                if (entry.key.contains(customer.raw())) {
                    charges.add(entry.value.chargeMicrocents().value());
                }
            }
        }
        return charges;
    }
}
