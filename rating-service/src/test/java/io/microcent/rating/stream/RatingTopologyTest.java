package io.microcent.rating.stream;

import io.microcent.model.deadletter.DeadLetterReason;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.topic.Topic;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
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

import static io.microcent.rating.stream.UsageEvents.requests;
import static org.assertj.core.api.Assertions.assertThat;

class RatingTopologyTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant DEC_1 = Instant.parse("2026-12-01T00:00:00Z");
    private static final CustomerId ACME = CustomerId.of("acme");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<CustomerId, CustomerPlan> plans;
    private TestInputTopic<CustomerId, UsageEvent> events;
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
        rated = new RatedLines(driver);
        deadLetters = output(UsageEvents.DEAD_USAGE);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void starterCustomerPaysOneCentPerRequestBeyondTheFirstThousandOfNovember() {
        onPlan(ACME, "starter");
        for (int i = 0; i < 1_523; i++) {
            send(requests(ACME, NOV_1.plusSeconds(i * 60L), 1));
        }

        List<RatedUsage> lines = rated.readValuesToList();

        assertThat(lines).hasSize(1_523);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.period()).isEqualTo(BillingPeriod.parse("2026-11"));
            assertThat(line.plan()).isEqualTo(PlanId.of("starter"));
            assertThat(line.costMicrocents()).isEqualTo(Microcents.ZERO);
        });
        assertThat(lines.stream().mapToLong(RatedUsage::includedRequests).sum()).isEqualTo(1_000);
        assertThat(lines.stream().mapToLong(RatedUsage::overageRequests).sum()).isEqualTo(523);
        assertThat(totalCharge(lines)).isEqualTo(Microcents.of(5_230_000));
        assertThat(lines.get(999).overageRequests()).as("the 1,000th request is still included").isZero();
        assertThat(lines.get(1_000).chargeMicrocents()).as("the 1,001st costs a cent").isEqualTo(Microcents.ofCents(1));
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aNewMonthStartsWithAFreshAllowance() {
        onPlan(ACME, "starter");
        send(requests(ACME, NOV_1.plusSeconds(10), 1_200));
        send(requests(ACME, DEC_1.plusSeconds(10), 5));
        // a late November event still counts against November's spent allowance
        send(requests(ACME, DEC_1.minusSeconds(1), 2));

        List<RatedUsage> lines = rated.readValuesToList();

        assertThat(lines).extracting(RatedUsage::period).extracting(BillingPeriod::toString)
                .containsExactly("2026-11", "2026-12", "2026-11");
        assertThat(lines).extracting(RatedUsage::includedRequests).containsExactly(1_000L, 5L, 0L);
        assertThat(lines).extracting(RatedUsage::overageRequests).containsExactly(200L, 0L, 2L);
        assertThat(lines).extracting(RatedUsage::chargeMicrocents)
                .containsExactly(Microcents.of(2_000_000), Microcents.ZERO, Microcents.of(20_000));
    }

    @Test
    void usageArrivingWithinTheGraceCountsInItsMonthAndLaterUsageInTheMonthOpenAtIngest() {
        onPlan(ACME, "starter");
        send(requests(ACME, NOV_1.plusSeconds(1), 1_000));
        // happened in the last hour of October, ingested a day later: October is still open
        send(UsageEvents.late(ACME, NOV_1.minusSeconds(3_600), NOV_1.plusSeconds(86_400), 4));
        // happened in October, ingested after the grace: billed in November, against November's allowance
        send(UsageEvents.late(ACME, NOV_1.minusSeconds(86_400), NOV_1.plusSeconds(5 * 86_400), 3));

        List<RatedUsage> lines = rated.readValuesToList();

        assertThat(lines).extracting(line -> line.period().toString()).containsExactly("2026-11", "2026-10", "2026-11");
        assertThat(lines).extracting(RatedUsage::includedRequests).containsExactly(1_000L, 4L, 0L);
        assertThat(lines).extracting(RatedUsage::overageRequests).containsExactly(0L, 0L, 3L);
    }

    @Test
    void eachCustomerHasItsOwnAllowance() {
        CustomerId globex = CustomerId.of("globex");
        onPlan(ACME, "starter");
        onPlan(globex, "starter");
        send(requests(ACME, NOV_1.plusSeconds(1), 1_000));
        send(requests(globex, NOV_1.plusSeconds(2), 10));

        List<TestRecord<CustomerId, RatedBatch>> records = rated.readRecordsToList();

        assertThat(records).extracting(TestRecord::key).containsExactly(ACME, globex);
        assertThat(records).extracting(r -> r.value().lines().getFirst().includedRequests()).containsExactly(1_000L, 10L);
        assertThat(records).extracting(r -> r.value().lines().getFirst().overageRequests()).containsExactly(0L, 0L);
    }

    @Test
    void growthPlanChargesHalfACentPerRequestBeyondTenThousand() {
        onPlan(ACME, "growth");
        send(requests(ACME, NOV_1.plusSeconds(1), 10_001));
        send(requests(ACME, NOV_1.plusSeconds(2), 2));

        List<RatedUsage> lines = rated.readValuesToList();

        assertThat(lines).extracting(RatedUsage::plan).containsOnly(PlanId.of("growth"));
        assertThat(lines).extracting(RatedUsage::overageRequests).containsExactly(1L, 2L);
        assertThat(lines).extracting(RatedUsage::chargeMicrocents)
                .containsExactly(Microcents.ofDollars("0.005"), Microcents.ofDollars("0.01"));
    }

    @Test
    void theRatedUsageCarriesTheEventUnchangedAndIsKeyedByCustomer() {
        onPlan(ACME, "enterprise");
        UsageEvent event = requests(ACME, NOV_1.plusSeconds(5), 3);
        send(event);

        TestRecord<CustomerId, RatedBatch> record = rated.readRecord();

        assertThat(record.key()).isEqualTo(ACME);
        assertThat(record.value().lines()).singleElement().satisfies(line -> {
            assertThat(line.event()).isEqualTo(event);
            assertThat(line.includedRequests()).isEqualTo(3);
        });
    }

    @Test
    void usageOfAnUnknownCustomerIsDeadLetteredWithItsReason() {
        UsageEvent event = requests(ACME, NOV_1.plusSeconds(1), 1);
        send(event);

        TestRecord<CustomerId, UsageEvent> dead = deadLetters.readRecord();

        assertThat(dead.key()).isEqualTo(ACME);
        assertThat(dead.value()).isEqualTo(event);
        assertThat(reason(dead)).isEqualTo("customer_unknown");
        assertThat(rated.isEmpty()).isTrue();
    }

    @Test
    void aPlanMissingFromTheCatalogIsDeadLettered() {
        onPlan(ACME, "platinum");
        send(requests(ACME, NOV_1.plusSeconds(1), 1));

        assertThat(reason(deadLetters.readRecord())).isEqualTo("plan_unknown");
    }

    @Test
    void aRemovedCustomerPlanMakesTheCustomerUnknown() {
        onPlan(ACME, "starter");
        plans.pipeInput(ACME, null, NOV_1);
        send(requests(ACME, NOV_1.plusSeconds(1), 1));

        assertThat(reason(deadLetters.readRecord())).isEqualTo("customer_unknown");
    }

    @Test
    void anUnsupportedSchemaVersionIsDeadLettered() {
        onPlan(ACME, "starter");
        send(UsageEvents.version(2, ACME, NOV_1.plusSeconds(1), 1));

        assertThat(reason(deadLetters.readRecord())).isEqualTo("schema_version_unsupported");
        assertThat(rated.isEmpty()).isTrue();
    }

    @Test
    void anEventKeyedUnderAnotherCustomerIsDeadLettered() {
        onPlan(ACME, "starter");
        events.pipeInput(ACME, requests(CustomerId.of("globex"), NOV_1.plusSeconds(1), 1), NOV_1);

        assertThat(reason(deadLetters.readRecord())).isEqualTo("customer_key_mismatch");
    }

    @Test
    void negativeAndOverflowingQuantitiesAreDeadLetteredWithoutTouchingTheAllowance() {
        onPlan(ACME, "starter");
        send(requests(ACME, NOV_1.plusSeconds(1), -1));
        send(requests(ACME, NOV_1.plusSeconds(2), 10));
        send(requests(ACME, NOV_1.plusSeconds(3), Long.MAX_VALUE));
        send(requests(ACME, NOV_1.plusSeconds(4), 990));

        assertThat(deadLetters.readRecordsToList()).extracting(RatingTopologyTest::reason)
                .containsExactly("quantity_negative", "quantity_out_of_range");
        assertThat(rated.readValuesToList()).extracting(RatedUsage::overageRequests).containsExactly(0L, 0L);
    }

    @Test
    void unreadableUsageDoesNotStopRating() {
        // where the unreadable bytes go is platform's DeadLetterHandlersTest's and the broker tests' concern:
        // the test driver does not forward records that a deserialization handler dead-letters
        onPlan(ACME, "starter");
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.USAGE_EVENTS.name(),
                new StringSerializer(), new ByteArraySerializer());
        raw.pipeInput("acme", "{not json".getBytes(StandardCharsets.UTF_8), NOV_1);
        send(requests(ACME, NOV_1.plusSeconds(1), 1));

        assertThat(rated.readValuesToList()).extracting(RatedUsage::includedRequests).containsExactly(1L);
    }

    @Test
    void plansAndUsageAreOneSubTopologySoAPlanIsReadInTheTaskThatRatesItsCustomer() {
        Topology topology = RatingTopology.build(new StreamsBuilder(), PlanCatalog.defaults());

        assertThat(topology.describe().subtopologies()).hasSize(1);
    }

    private void onPlan(CustomerId customer, String plan) {
        plans.pipeInput(customer, new CustomerPlan(customer, PlanId.of(plan), NOV_1), NOV_1);
    }

    private void send(UsageEvent event) {
        events.pipeInput(event.customer(), event, event.ingestedAt());
    }

    private static Microcents totalCharge(List<RatedUsage> lines) {
        return lines.stream().map(RatedUsage::chargeMicrocents).reduce(Microcents.ZERO, Microcents::plus);
    }

    private static String reason(TestRecord<?, ?> record) {
        Header header = record.headers().lastHeader(io.microcent.model.deadletter.DeadLetter.REASON);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <K, V> TestOutputTopic<K, V> output(Topic<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }
}
