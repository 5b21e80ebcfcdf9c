package io.microcent.rating.stream;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static io.microcent.rating.stream.UsageEvents.requests;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a plan change mid-period does to the allowance: rating prices each event under the plan in force
 * when it rates it, against the period's cumulative request count ({@code period-usage}), so the new plan's
 * allowance counts what the period already used. An upgrade gives the new allowance minus the used
 * requests, never both allowances in full; a downgrade past the new allowance leaves nothing included.
 */
class PlanChangeAllowanceTopologyTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant NOV_15 = Instant.parse("2026-11-15T00:00:00Z");
    private static final CustomerId ACME = CustomerId.of("acme");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<CustomerId, CustomerPlan> plans;
    private TestInputTopic<CustomerId, UsageEvent> events;
    private RatedLines rated;

    @BeforeEach
    void startDriver() {
        Properties config = new Properties();
        config.putAll(RatingTopology.streamsConfig("unused:9092", stateDir, 1));
        driver = new TopologyTestDriver(RatingTopology.build(new StreamsBuilder(), PlanCatalog.defaults()), config, NOV_1);
        plans = driver.createInputTopic(Topics.CUSTOMER_PLANS.name(), Topics.CUSTOMER_PLANS.keySerde().serializer(),
                Topics.CUSTOMER_PLANS.valueSerde().serializer());
        events = driver.createInputTopic(Topics.USAGE_EVENTS.name(), Topics.USAGE_EVENTS.keySerde().serializer(),
                Topics.USAGE_EVENTS.valueSerde().serializer());
        rated = new RatedLines(driver);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void anUpgradeMidPeriodGivesTheNewAllowanceMinusWhatThePeriodAlreadyUsed() {
        onPlan("starter", NOV_1); // 1,000 requests included
        send(requests(ACME, NOV_1.plusSeconds(60), 800));
        onPlan("growth", NOV_15); // 10,000 requests included
        send(requests(ACME, NOV_15.plusSeconds(60), 9_500));

        List<RatedUsage> lines = rated.readValuesToList();

        assertThat(lines).extracting(RatedUsage::plan).containsExactly(PlanId.of("starter"), PlanId.of("growth"));
        assertThat(lines).extracting(RatedUsage::includedRequests).containsExactly(800L, 9_200L);
        assertThat(lines).extracting(RatedUsage::overageRequests).containsExactly(0L, 300L);
        assertThat(lines.stream().mapToLong(RatedUsage::includedRequests).sum())
                .as("the period's requests included, over both plans: growth's 10,000, not 11,000").isEqualTo(10_000);
    }

    @Test
    void aDowngradeBelowWhatThePeriodUsedLeavesNothingIncluded() {
        onPlan("growth", NOV_1);
        send(requests(ACME, NOV_1.plusSeconds(60), 1_500));
        onPlan("starter", NOV_15);
        send(requests(ACME, NOV_15.plusSeconds(60), 10));

        List<RatedUsage> lines = rated.readValuesToList();

        assertThat(lines).extracting(RatedUsage::includedRequests).containsExactly(1_500L, 0L);
        assertThat(lines).extracting(RatedUsage::overageRequests).containsExactly(0L, 10L);
    }

    private void onPlan(String plan, Instant at) {
        plans.pipeInput(ACME, new CustomerPlan(ACME, PlanId.of(plan), at), at);
    }

    private void send(UsageEvent event) {
        events.pipeInput(event.customer(), event, event.ingestedAt());
    }
}
