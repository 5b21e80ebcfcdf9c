package io.microcent.invoicing;

import io.microcent.invoicing.read.usage.UsageProjection;
import io.microcent.model.deadletter.DeadLetterReason;
import io.microcent.model.id.CustomerId;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.platform.kafka.Failures;
import io.microcent.platform.test.TestContexts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.groups.Tuple;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.microcent.invoicing.RatedUsages.charge;
import static io.microcent.invoicing.RatedUsages.rated;
import static io.microcent.invoicing.db.Tables.USAGE_CHARGES;
import static io.microcent.invoicing.db.Tables.USAGE_PERIODS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The usage projection's upserts on the real database: which rows one poll writes and how a later poll adds to them. */
class UsageProjectionTest {

    private static final Instant NOV_3 = Instant.parse("2026-11-03T08:00:00Z");
    private static final Instant DEC_1 = Instant.parse("2026-12-01T00:00:00Z");

    private static DSLContext db;
    private final UsageProjection projection = new UsageProjection(PlanCatalog.defaults());

    @BeforeAll
    static void migrate() {
        var context = TestContexts.forService("invoicing");
        context.database().migrate("invoicing");
        db = context.database().dsl();
    }

    @Test
    void aPollOfThousandsOfRowsIsWrittenWholeToBothTablesAndALaterPollAddsToIt() {
        String prefix = newCustomer().raw();
        int customers = 4_000;
        List<RatedUsage> poll = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            // two lines per customer: summed in memory, since one statement may not update a row twice
            for (int line = 0; line < 2; line++) {
                poll.add(rated(prefix + "-" + i, NOV_3, 3,
                        List.of(charge("requests", 3, 30), charge("token_pass_through", 1_200, 7))));
            }
        }

        apply(poll);
        apply(poll.subList(0, 2));

        var periods = db.select(USAGE_PERIODS.REQUESTS, USAGE_PERIODS.CHARGE_MICROCENTS).from(USAGE_PERIODS)
                .where(USAGE_PERIODS.CUSTOMER.startsWith(prefix + "-")).fetch();
        assertThat(periods).hasSize(customers);
        assertThat(periods.stream().mapToLong(r -> r.value1()).sum()).isEqualTo(6L * customers + 6);
        assertThat(periods.stream().mapToLong(r -> r.value2()).sum()).isEqualTo(74L * customers + 74);
        var charges = db.select(USAGE_CHARGES.CHARGE, USAGE_CHARGES.QUANTITY, USAGE_CHARGES.CHARGE_MICROCENTS)
                .from(USAGE_CHARGES).where(USAGE_CHARGES.CUSTOMER.eq(prefix + "-0")).orderBy(USAGE_CHARGES.CHARGE)
                .fetch(r -> tuple(r.value1(), r.value2(), r.value3()));
        assertThat(charges).containsExactly(tuple("requests", 12L, 120L), tuple("token_pass_through", 4_800L, 28L));
        assertThat(db.fetchCount(USAGE_CHARGES, USAGE_CHARGES.CUSTOMER.startsWith(prefix + "-"))).isEqualTo(2 * customers);
    }

    @Test
    void eachPeriodAndChargeOfACustomerIsARowOfItsOwn() {
        CustomerId acme = newCustomer();
        apply(List.of(
                rated(acme.raw(), NOV_3, 5, List.of(charge("requests", 5, 50), charge("output_tokens", 200, -1))),
                // written before lines carried their charges: the starter plan's first charge, requests
                rated(acme.raw(), NOV_3, 2, 0, 20, 1),
                rated(acme.raw(), DEC_1, 9, List.of(charge("requests", 9, 90)))));
        apply(List.of(rated(acme.raw(), DEC_1, 1, List.of(charge("output_tokens", 10, 3)))));

        assertThat(db.select(USAGE_PERIODS.PERIOD, USAGE_PERIODS.REQUESTS, USAGE_PERIODS.CHARGE_MICROCENTS,
                        USAGE_PERIODS.COST_MICROCENTS).from(USAGE_PERIODS).where(USAGE_PERIODS.CUSTOMER.eq(acme.raw()))
                .orderBy(USAGE_PERIODS.PERIOD).fetch(r -> tuple(r.value1(), r.value2(), r.value3(), r.value4())))
                .containsExactly(tuple("2026-11", 7L, 69L, 11L), tuple("2026-12", 10L, 93L, 20L));
        assertThat(chargesOf(acme)).containsExactly(
                tuple("2026-11", "output_tokens", 200L, -1L),
                tuple("2026-11", "requests", 7L, 70L),
                tuple("2026-12", "output_tokens", 10L, 3L),
                tuple("2026-12", "requests", 9L, 90L));
    }

    @Test
    void aSumBeyondBigintOnAStoredChargeFailsThePollAsAnOverflowAndWritesNothingOfItInEitherTable() {
        CustomerId huge = newCustomer();
        CustomerId other = newCustomer();
        apply(List.of(rated(huge.raw(), NOV_3, 1, List.of(charge("total_tokens", Long.MAX_VALUE - 10, 5)))));

        assertThatThrownBy(() -> apply(List.of(
                rated(other.raw(), NOV_3, 4, List.of(charge("requests", 4, 40))),
                rated(huge.raw(), NOV_3, 1, List.of(charge("total_tokens", 100, 5))))))
                .satisfies(failure -> assertThat(Failures.reasonOf(failure)).isEqualTo(DeadLetterReason.OVERFLOW))
                .satisfies(failure -> assertThat(Failures.isTransient(failure)).as("the record's fault").isFalse());

        assertThat(db.fetchCount(USAGE_PERIODS, USAGE_PERIODS.CUSTOMER.eq(other.raw()))).isZero();
        assertThat(db.select(USAGE_PERIODS.REQUESTS).from(USAGE_PERIODS).where(USAGE_PERIODS.CUSTOMER.eq(huge.raw()))
                .fetchSingle().value1()).isEqualTo(1L);
        assertThat(chargesOf(huge)).containsExactly(tuple("2026-11", "total_tokens", Long.MAX_VALUE - 10, 5L));
    }

    @Test
    void aPollOfBatchesAndSingleLinesCountsEachLineOnceUnderItsOwnCustomerNotTheRecordKey() {
        CustomerId acme = newCustomer();
        CustomerId globex = newCustomer();
        List<ConsumerRecord<CustomerId, RatedBatch>> poll = List.of(
                // keyed by its first line's customer, acme; two of its lines are globex's
                new ConsumerRecord<>(Topics.USAGE_RATED.name(), 0, 0, acme, new RatedBatch(List.of(
                        rated(acme.raw(), NOV_3, 3, List.of(charge("requests", 3, 30))),
                        rated(globex.raw(), NOV_3, 5, List.of(charge("requests", 5, 50), charge("output_tokens", 100, 4))),
                        rated(acme.raw(), NOV_3, 2, List.of(charge("requests", 2, 20))),
                        rated(globex.raw(), DEC_1, 1, List.of(charge("requests", 1, 10)))))),
                // a record of one line, as written before batches
                new ConsumerRecord<>(Topics.USAGE_RATED.name(), 0, 1, globex,
                        RatedBatch.of(rated(globex.raw(), NOV_3, 7, List.of(charge("requests", 7, 70))))));

        db.transaction(tx -> projection.apply(tx.dsl(), poll));

        assertThat(periodsOf(acme)).containsExactly(tuple("2026-11", 5L, 50L));
        assertThat(periodsOf(globex)).containsExactly(tuple("2026-11", 12L, 124L), tuple("2026-12", 1L, 10L));
        assertThat(chargesOf(acme)).containsExactly(tuple("2026-11", "requests", 5L, 50L));
        assertThat(chargesOf(globex)).containsExactly(
                tuple("2026-11", "output_tokens", 100L, 4L),
                tuple("2026-11", "requests", 12L, 120L),
                tuple("2026-12", "requests", 1L, 10L));
    }

    @Test
    void pollsOfEverySizeRunOneStatementTextPerTableWhichTheConnectionKeepsPrepared() {
        CustomerId acme = newCustomer();
        List<Long> prepared = db.transactionResult(tx -> {
            for (int rows = 1; rows <= 8; rows++) {
                List<ConsumerRecord<CustomerId, RatedBatch>> poll = new ArrayList<>();
                for (int customer = 0; customer < rows; customer++) {
                    RatedUsage usage = rated(acme.raw() + "-" + customer, NOV_3, 1, List.of(charge("requests", 1, 10)));
                    poll.add(new ConsumerRecord<>(Topics.USAGE_RATED.name(), 0, poll.size(), usage.event().customer(), RatedBatch.of(usage)));
                }
                projection.apply(tx.dsl(), poll);
            }
            // the driver prepares a statement on the server once it has run the same text a few times
            return List.of("usage_periods", "usage_charges").stream()
                    .map(table -> tx.dsl().fetchSingle("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE ?",
                            "%INSERT INTO invoicing." + table + " %").get(0, Long.class))
                    .toList();
        });

        assertThat(prepared).containsExactly(1L, 1L);
        assertThat(db.select(USAGE_PERIODS.REQUESTS).from(USAGE_PERIODS)
                .where(USAGE_PERIODS.CUSTOMER.startsWith(acme.raw() + "-")).orderBy(USAGE_PERIODS.CUSTOMER)
                .fetch(r -> r.value1()))
                .containsExactly(8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
    }

    private List<Tuple> periodsOf(CustomerId customer) {
        return db.select(USAGE_PERIODS.PERIOD, USAGE_PERIODS.REQUESTS, USAGE_PERIODS.CHARGE_MICROCENTS).from(USAGE_PERIODS)
                .where(USAGE_PERIODS.CUSTOMER.eq(customer.raw())).orderBy(USAGE_PERIODS.PERIOD)
                .fetch(r -> tuple(r.value1(), r.value2(), r.value3()));
    }

    private List<Tuple> chargesOf(CustomerId customer) {
        return db.select(USAGE_CHARGES.PERIOD, USAGE_CHARGES.CHARGE, USAGE_CHARGES.QUANTITY, USAGE_CHARGES.CHARGE_MICROCENTS)
                .from(USAGE_CHARGES).where(USAGE_CHARGES.CUSTOMER.eq(customer.raw()))
                .orderBy(USAGE_CHARGES.PERIOD, USAGE_CHARGES.CHARGE)
                .fetch(r -> tuple(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Applies the usage as one poll of records of one line each, in its own transaction as the runner does. */
    private void apply(List<RatedUsage> usages) {
        List<ConsumerRecord<CustomerId, RatedBatch>> poll = new ArrayList<>();
        for (RatedUsage usage : usages) {
            poll.add(new ConsumerRecord<>(Topics.USAGE_RATED.name(), 0, poll.size(), usage.event().customer(), RatedBatch.of(usage)));
        }
        db.transaction(tx -> projection.apply(tx.dsl(), poll));
    }

    private static CustomerId newCustomer() {
        return CustomerId.of("acme-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
