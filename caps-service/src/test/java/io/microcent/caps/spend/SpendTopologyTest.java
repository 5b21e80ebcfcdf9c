package io.microcent.caps.spend;

import io.microcent.model.caps.SpendState;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.RatedUsage;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import static io.microcent.caps.spend.RatedUsages.rated;
import static org.assertj.core.api.Assertions.assertThat;

class SpendTopologyTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant DEC_1 = Instant.parse("2026-12-01T00:00:00Z");
    private static final BillingPeriod NOV = BillingPeriod.parse("2026-11");
    private static final BillingPeriod DEC = BillingPeriod.parse("2026-12");
    private static final CustomerId ACME = CustomerId.of("acme");
    private static final CustomerId GLOBEX = CustomerId.of("globex");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<CustomerId, RatedUsage> ratedUsage;
    private TestOutputTopic<String, SpendState> capsState;

    @BeforeEach
    void startDriver() {
        Properties config = new Properties();
        config.putAll(SpendTopology.streamsConfig("unused:9092", stateDir, 1));
        driver = new TopologyTestDriver(SpendTopology.build(new StreamsBuilder()), config, NOV_1);
        ratedUsage = driver.createInputTopic(Topics.USAGE_RATED.name(),
                Topics.USAGE_RATED.keySerde().serializer(), Topics.USAGE_RATED.valueSerde().serializer());
        capsState = driver.createOutputTopic(Topics.CAPS_STATE.name(),
                Topics.CAPS_STATE.keySerde().deserializer(), Topics.CAPS_STATE.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void spendAccumulatesWithinABillingPeriodAndEachChangeIsPublished() {
        send(rated(ACME, NOV_1.plusSeconds(1), 1, 0, 25));
        send(rated(ACME, NOV_1.plusSeconds(2), 3, 30_000, 75));
        Instant last = NOV_1.plusSeconds(3);
        send(rated(ACME, last, 2, 20_000, 50));

        var published = capsState.readKeyValuesToList();

        assertThat(published).extracting(kv -> kv.key).containsOnly("acme|2026-11");
        assertThat(published).extracting(kv -> kv.value.requests()).containsExactly(1L, 4L, 6L);
        assertThat(published).extracting(kv -> kv.value.chargeMicrocents())
                .containsExactly(Microcents.ZERO, Microcents.of(30_000), Microcents.of(50_000));
        assertThat(published.getLast().value)
                .isEqualTo(new SpendState(ACME, NOV, Microcents.of(50_000), Microcents.of(150), 6, last));
        assertThat(spendStore().get("acme|2026-11")).isEqualTo(published.getLast().value);
    }

    @Test
    void eachBillingMonthHasItsOwnSpend() {
        send(rated(ACME, NOV_1.plusSeconds(1), 5, 50_000, 0));
        send(rated(ACME, DEC_1.plusSeconds(1), 1, 10_000, 0));
        // a late November usage still adds to November
        send(rated(ACME, DEC_1.minusSeconds(1), 2, 20_000, 0));

        Map<String, SpendState> latest = capsState.readKeyValuesToMap();

        assertThat(latest).containsOnlyKeys("acme|2026-11", "acme|2026-12");
        assertThat(latest.get("acme|2026-11").period()).isEqualTo(NOV);
        assertThat(latest.get("acme|2026-11").requests()).isEqualTo(7);
        assertThat(latest.get("acme|2026-11").chargeMicrocents()).isEqualTo(Microcents.of(70_000));
        assertThat(latest.get("acme|2026-12").period()).isEqualTo(DEC);
        assertThat(latest.get("acme|2026-12").chargeMicrocents()).isEqualTo(Microcents.of(10_000));
    }

    @Test
    void eachCustomerHasItsOwnSpend() {
        send(rated(ACME, NOV_1.plusSeconds(1), 4, 40_000, 8));
        send(rated(GLOBEX, NOV_1.plusSeconds(2), 1, 5_000, 1));

        Map<String, SpendState> latest = capsState.readKeyValuesToMap();

        assertThat(latest.get("acme|2026-11").customer()).isEqualTo(ACME);
        assertThat(latest.get("acme|2026-11").chargeMicrocents()).isEqualTo(Microcents.of(40_000));
        assertThat(latest.get("globex|2026-11").customer()).isEqualTo(GLOBEX);
        assertThat(latest.get("globex|2026-11").costMicrocents()).isEqualTo(Microcents.of(1));
        assertThat(latest.get("globex|2026-11").requests()).isEqualTo(1);
    }

    private KeyValueStore<String, SpendState> spendStore() {
        return driver.getKeyValueStore(SpendTopology.SPEND_STORE);
    }

    private void send(RatedUsage usage) {
        ratedUsage.pipeInput(usage.event().customer(), usage, usage.event().ingestedAt());
    }
}
