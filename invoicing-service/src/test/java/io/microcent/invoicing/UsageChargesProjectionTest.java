package io.microcent.invoicing;

import io.microcent.invoicing.generate.ChargeKey;
import io.microcent.invoicing.generate.UsageTotal;
import io.microcent.invoicing.read.usage.UsageProjection;
import io.microcent.invoicing.read.usage.UsageRepository;
import io.microcent.model.deadletter.DeadLetter;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.plan.Meter;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.platform.test.KafkaTestRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.microcent.invoicing.RatedUsages.charge;
import static io.microcent.invoicing.RatedUsages.correction;
import static io.microcent.invoicing.RatedUsages.rated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** The usage projection's per-charge sums ({@code usage_charges}) on the real Kafka and PostgreSQL. */
class UsageChargesProjectionTest {

    private static final BillingPeriod NOV = BillingPeriod.parse("2026-11");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static RunningInvoicing invoicing;
    private static UsageRepository usage;

    @BeforeAll
    static void start() {
        invoicing = RunningInvoicing.start(Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));
        usage = new UsageRepository(invoicing.context.database().dsl());
    }

    @AfterAll
    static void stop() {
        if (invoicing != null) {
            invoicing.close();
        }
    }

    @Test
    void eachChargeOfAPeriodIsSummedAndTheChargesAddUpToThePeriodsCharge() {
        CustomerId acme = newCustomer();
        CustomerId globex = newCustomer();
        CustomerId idle = newCustomer();

        RatedUsages.publish(invoicing.context.kafkaBootstrap(),
                rated(acme.raw(), Instant.parse("2026-11-02T08:00:00Z"), 600,
                        List.of(charge("requests", 600, 0), charge("token_pass_through", 1_200, 3_000))),
                rated(acme.raw(), Instant.parse("2026-11-09T08:00:00Z"), 500,
                        List.of(charge("requests", 500, 1_000_000), charge("token_pass_through", 1_200, 2_000))),
                // written before lines carried their charges: the starter plan's first charge, requests
                rated(acme.raw(), Instant.parse("2026-11-30T23:59:59Z"), 40, 40, 400_000, 75),
                // re-rating lowered a pass-through charge
                correction(acme.raw(), Instant.parse("2026-11-09T08:00:00Z"), List.of(charge("token_pass_through", 0, -500))),
                // the next period: not part of November
                rated(acme.raw(), Instant.parse("2026-12-01T00:00:00Z"), 9, List.of(charge("requests", 9, 90_000))),
                rated(globex.raw(), Instant.parse("2026-11-15T08:00:00Z"), 7,
                        List.of(charge("requests", 7, 70_000), charge("output_tokens", 200, -1))));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(usage.find(acme, NOV).requests()).isEqualTo(1_140));
        List<UsageTotal> november = usage.chargeTotals(acme, NOV);
        assertThat(november).containsExactlyInAnyOrder(
                new UsageTotal(NOV, ChargeKey.of(Meter.REQUESTS), 1_140, Microcents.of(1_400_000)),
                new UsageTotal(NOV, ChargeKey.TOKEN_PASS_THROUGH, 2_400, Microcents.of(4_500)));
        assertThat(sum(november)).isEqualTo(usage.find(acme, NOV).charge()).isEqualTo(Microcents.of(1_404_500));

        await().atMost(WAIT).untilAsserted(() -> assertThat(usage.find(globex, NOV).requests()).isEqualTo(7));
        Map<CustomerId, List<UsageTotal>> page = usage.chargeTotals(NOV, List.of(acme, globex, idle));
        assertThat(page.keySet()).containsExactly(acme, globex, idle);
        assertThat(page.get(acme)).containsExactlyInAnyOrderElementsOf(november);
        assertThat(page.get(globex)).extracting(UsageTotal::charge, UsageTotal::quantity, UsageTotal::chargeMicrocents)
                .containsExactlyInAnyOrder(
                        tuple(new ChargeKey("requests"), 7L, Microcents.of(70_000)),
                        tuple(new ChargeKey("output_tokens"), 200L, Microcents.of(-1)));
        assertThat(sum(page.get(globex))).isEqualTo(usage.find(globex, NOV).charge());
        assertThat(page.get(idle)).isEmpty();
        // a page larger than PostgreSQL's 65,535 bind values is still one query
        List<CustomerId> largePage = new ArrayList<>(IntStream.range(0, 70_000)
                .mapToObj(i -> CustomerId.of("nobody-" + i)).toList());
        largePage.add(globex);
        Map<CustomerId, List<UsageTotal>> large = usage.chargeTotals(NOV, largePage);
        assertThat(large).hasSize(70_001);
        assertThat(large.get(globex)).containsExactlyInAnyOrderElementsOf(page.get(globex));
        await().atMost(WAIT).untilAsserted(() -> assertThat(usage.chargeTotals(acme, BillingPeriod.parse("2026-12")))
                .containsExactly(new UsageTotal(BillingPeriod.parse("2026-12"), new ChargeKey("requests"), 9, Microcents.of(90_000))));
    }

    @Test
    void aLineWhoseChargeSumWouldOverflowIsSetAsideAndCountsInNeitherTable() {
        CustomerId huge = newCustomer();
        Instant at = Instant.parse("2026-11-03T08:00:00Z");

        RatedUsages.publish(invoicing.context.kafkaBootstrap(),
                rated(huge.raw(), at, 1, List.of(charge("total_tokens", Long.MAX_VALUE - 10, 5))),
                rated(huge.raw(), at, 1, List.of(charge("total_tokens", 100, 5))),
                rated(huge.raw(), at, 1, List.of(charge("requests", 1, 7))));

        await().atMost(WAIT).untilAsserted(() -> assertThat(deadLettersOf(huge)).hasSize(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(usage.find(huge, NOV).requests()).isEqualTo(2));
        assertThat(usage.find(huge, NOV).charge()).isEqualTo(Microcents.of(12));
        assertThat(usage.chargeTotals(huge, NOV)).extracting(UsageTotal::charge, UsageTotal::quantity)
                .containsExactlyInAnyOrder(
                        tuple(new ChargeKey("total_tokens"), Long.MAX_VALUE - 10),
                        tuple(new ChargeKey("requests"), 1L));
        assertThat(sum(usage.chargeTotals(huge, NOV))).isEqualTo(usage.find(huge, NOV).charge());
    }

    @Test
    void aBatchOfTwoCustomersOnOnePartitionCountsEachLineOnceUnderItsOwnCustomerAsDoesAnOldSingleLineRecord() {
        CustomerId acme = newCustomer();
        CustomerId globex = RatedUsages.onTheSamePartitionAs(acme, invoicing.context.kafkaBootstrap());
        Instant at = Instant.parse("2026-11-05T08:00:00Z");

        // keyed by acme, its first line's customer; the globex lines count for globex
        RatedUsages.publishBatch(invoicing.context.kafkaBootstrap(),
                rated(acme.raw(), at, 3, List.of(charge("requests", 3, 300))),
                rated(globex.raw(), at, 5, List.of(charge("requests", 5, 500), charge("output_tokens", 80, 8))),
                rated(acme.raw(), at, 2, List.of(charge("requests", 2, 200))),
                rated(globex.raw(), at, 1, List.of(charge("requests", 1, 100))));
        RatedUsages.publish(invoicing.context.kafkaBootstrap(), rated(globex.raw(), at, 4, List.of(charge("requests", 4, 400))));
        Instant published = Instant.now();

        // the barrier that gates period close opens only once every line of every record before it is counted
        await().atMost(WAIT).until(() -> invoicing.service.usageCountedUpTo(published));
        assertThat(usage.find(globex, NOV).requests()).isEqualTo(10);
        assertThat(usage.find(globex, NOV).charge()).isEqualTo(Microcents.of(1_008));
        assertThat(usage.chargeTotals(globex, NOV)).extracting(UsageTotal::charge, UsageTotal::quantity, UsageTotal::chargeMicrocents)
                .containsExactlyInAnyOrder(
                        tuple(new ChargeKey("requests"), 10L, Microcents.of(1_000)),
                        tuple(new ChargeKey("output_tokens"), 80L, Microcents.of(8)));
        assertThat(usage.find(acme, NOV).requests()).isEqualTo(5);
        assertThat(usage.find(acme, NOV).charge()).isEqualTo(Microcents.of(500));
        assertThat(usage.chargeTotals(acme, NOV)).extracting(UsageTotal::charge, UsageTotal::quantity)
                .containsExactly(tuple(new ChargeKey("requests"), 5L));
    }

    @Test
    void aLineOfABatchWhoseSumWouldOverflowIsSetAsideAloneUnderItsCustomerAndTheOtherLinesAreCounted() {
        CustomerId other = newCustomer();
        CustomerId huge = RatedUsages.onTheSamePartitionAs(other, invoicing.context.kafkaBootstrap());
        Instant at = Instant.parse("2026-11-06T08:00:00Z");
        RatedUsages.publish(invoicing.context.kafkaBootstrap(),
                rated(huge.raw(), at, 1, List.of(charge("total_tokens", Long.MAX_VALUE - 10, 5))));
        RatedUsage overflowing = rated(huge.raw(), at, 1, List.of(charge("total_tokens", 100, 5)));

        RatedUsages.publishBatch(invoicing.context.kafkaBootstrap(),
                rated(other.raw(), at, 4, List.of(charge("requests", 4, 40))),
                overflowing,
                rated(huge.raw(), at, 1, List.of(charge("requests", 1, 7))),
                rated(other.raw(), at, 2, List.of(charge("requests", 2, 20))));

        await().atMost(WAIT).untilAsserted(() -> assertThat(deadLettersOf(huge)).hasSize(1));
        ConsumerRecord<String, String> letter = deadLettersOf(huge).getFirst();
        assertThat(DeadLetter.header(letter.headers(), DeadLetter.REASON)).isEqualTo("overflow");
        assertThat(DeadLetter.header(letter.headers(), DeadLetter.DETAIL)).startsWith("line 2 of 4: ");
        assertThat(letter.key()).isEqualTo(huge.raw());
        RatedBatch setAside = Topics.USAGE_RATED_BATCHES.valueSerde().deserializer()
                .deserialize(Topics.USAGE_RATED.name(), letter.value().getBytes(StandardCharsets.UTF_8));
        assertThat(setAside.lines()).extracting(line -> line.event().id()).containsExactly(overflowing.event().id());
        assertThat(deadLettersOf(other)).isEmpty();

        await().atMost(WAIT).untilAsserted(() -> assertThat(usage.find(other, NOV).requests()).isEqualTo(6));
        assertThat(usage.find(other, NOV).charge()).isEqualTo(Microcents.of(60));
        assertThat(usage.find(huge, NOV).requests()).isEqualTo(2);
        assertThat(usage.find(huge, NOV).charge()).isEqualTo(Microcents.of(12));
        assertThat(usage.chargeTotals(huge, NOV)).extracting(UsageTotal::charge, UsageTotal::quantity)
                .containsExactlyInAnyOrder(tuple(new ChargeKey("total_tokens"), Long.MAX_VALUE - 10), tuple(new ChargeKey("requests"), 1L));
    }

    private static List<ConsumerRecord<String, String>> deadLettersOf(CustomerId customer) {
        return KafkaTestRecords.deadLettersOf(invoicing.context.kafkaBootstrap(), UsageProjection.NAME, customer.raw());
    }

    private static Microcents sum(List<UsageTotal> totals) {
        return totals.stream().map(UsageTotal::chargeMicrocents).reduce(Microcents.ZERO, Microcents::plus);
    }

    private static CustomerId newCustomer() {
        return CustomerId.of("acme-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
