package io.microcent.rating.rollups;

import io.microcent.model.deadletter.DeadLetter;
import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.platform.kafka.TableProjectionOffsets;
import io.microcent.platform.kafka.ProjectionOffsets;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.test.KafkaTestRecords;
import io.microcent.platform.test.TestContexts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import static io.microcent.rating.db.Tables.PROJECTION_OFFSETS;
import static io.microcent.rating.db.Tables.USAGE_DAILY;
import static io.microcent.rating.db.Tables.USAGE_HOURLY;
import static io.microcent.rating.rollups.RatedUsages.newCustomer;
import static io.microcent.rating.rollups.RatedUsages.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** The hourly rollup on a real broker and database: what lands in {@code rating.usage_hourly}, exactly once. */
class HourlyRollupsBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant NOV_5_0910 = Instant.parse("2026-11-05T09:10:00Z");

    private static ServiceContext context;
    private static DSLContext db;

    @BeforeAll
    static void migrate() {
        context = TestContexts.forService("rating");
        context.database().migrate("rating");
        db = context.database().dsl();
    }

    @Test
    void ratedUsageIsSummedIntoOneRowPerCustomerHourAndDimensions() {
        CustomerId customer = newCustomer();
        try (HourlyRollups rollups = HourlyRollups.start(context)) {
            RatedUsages.publish(context.kafkaBootstrap(), List.of(
                    usage(customer, NOV_5_0910).model("openai", "gpt-4o").project("chatbot").user("ada@acme.io")
                            .requests(2).tokens(100, 20, 5, 1).cost(250, 1_000).build(),
                    usage(customer, NOV_5_0910.plusSeconds(40 * 60)).model("openai", "gpt-4o").project("chatbot").user("ada@acme.io")
                            .requests(3).tokens(10, 2, 0, 0).cost(25, 0).build(),
                    usage(customer, NOV_5_0910.plusSeconds(60 * 60)).model("openai", "gpt-4o").project("chatbot").user("ada@acme.io")
                            .requests(1).tokens(1, 1, 1, 1).cost(7, 9).build(),
                    usage(customer, NOV_5_0910).requests(4).cost(0, 40_000).build()));

            await().atMost(WAIT).until(() -> rowsOf(customer).size() == 3);
            assertThat(rollups.isReady()).isTrue();
        }

        List<Record> rows = rowsOf(customer);
        assertThat(rows).extracting(r -> r.get(USAGE_HOURLY.HOUR).toInstant(), r -> r.get(USAGE_HOURLY.PROJECT),
                        r -> r.get(USAGE_HOURLY.USER_ID), r -> r.get(USAGE_HOURLY.PROVIDER), r -> r.get(USAGE_HOURLY.MODEL),
                        r -> r.get(USAGE_HOURLY.PERIOD))
                .containsExactly(
                        tuple(Instant.parse("2026-11-05T09:00:00Z"), "", "", "", "", "2026-11"),
                        tuple(Instant.parse("2026-11-05T09:00:00Z"), "chatbot", "ada@acme.io", "openai", "gpt-4o", "2026-11"),
                        tuple(Instant.parse("2026-11-05T10:00:00Z"), "chatbot", "ada@acme.io", "openai", "gpt-4o", "2026-11"));
        assertThat(counters(rows.get(0))).containsExactly(4L, 0L, 0L, 0L, 0L, 0L, 40_000L);
        assertThat(counters(rows.get(1))).containsExactly(5L, 110L, 22L, 5L, 1L, 275L, 1_000L);
        assertThat(counters(rows.get(2))).containsExactly(1L, 1L, 1L, 1L, 1L, 7L, 9L);
        assertThat(rows.get(1).get(USAGE_HOURLY.DAY)).isEqualTo(NOV_5_0910.atOffset(ZoneOffset.UTC).toLocalDate());
        assertThat(db.fetchCount(PROJECTION_OFFSETS, PROJECTION_OFFSETS.PROJECTION.eq(HourlyRollupProjection.NAME)))
                .as("the projection stores the offsets it applied").isPositive();
    }

    @Test
    void tagsArePartOfTheRowKeyAndTheSameTagsAddToTheStoredRowInALaterPoll() {
        CustomerId customer = newCustomer();
        try (HourlyRollups rollups = HourlyRollups.start(context)) {
            RatedUsages.publish(context.kafkaBootstrap(), List.of(
                    usage(customer, NOV_5_0910).requests(1).cost(1, 0).build(),
                    usage(customer, NOV_5_0910).tags("env:prod").requests(2).cost(2, 0).build(),
                    usage(customer, NOV_5_0910).tags("feature:chat", "env:prod").requests(4).cost(4, 0).build()));
            await().atMost(WAIT).until(() -> requestsOf(customer) == 7);
            // a later poll: the same tags sent in another order add to the stored row, by the upsert's conflict target
            RatedUsages.publish(context.kafkaBootstrap(), List.of(
                    usage(customer, NOV_5_0910).tags("env:prod", "feature:chat").requests(8).cost(8, 0).build()));
            await().atMost(WAIT).until(() -> requestsOf(customer) == 15);
        }

        assertThat(db.select(USAGE_HOURLY.TAGS, USAGE_HOURLY.REQUESTS).from(USAGE_HOURLY)
                .where(USAGE_HOURLY.CUSTOMER.eq(customer.raw())).orderBy(USAGE_HOURLY.REQUESTS)
                .fetch(r -> tuple(List.of(r.value1()), r.value2())))
                .containsExactly(tuple(List.of(), 1L), tuple(List.of("env:prod"), 2L), tuple(List.of("env:prod", "feature:chat"), 12L));
    }

    @Test
    void aBatchRecordCountsEveryLineOfItsCustomersBesideARecordOfOneLineAsWrittenBefore() {
        CustomerId acme = newCustomer();
        CustomerId globex = RatedUsages.newCustomerOnThePartitionOf(acme, RatedUsages.partitions(context.kafkaBootstrap()));
        try (HourlyRollups rollups = HourlyRollups.start(context)) {
            RatedUsages.publish(context.kafkaBootstrap(), List.of(usage(acme, NOV_5_0910).requests(1).cost(1, 2).build()));
            RatedUsages.publishBatches(context.kafkaBootstrap(), List.of(new RatedBatch(List.of(
                    usage(acme, NOV_5_0910).requests(2).cost(3, 4).build(),
                    usage(globex, NOV_5_0910).user("ada").requests(4).cost(5, 6).build(),
                    usage(acme, NOV_5_0910.plusSeconds(3_600)).requests(8).cost(7, 8).build()))));
            await().atMost(WAIT).until(() -> requestsOf(acme) == 11 && requestsOf(globex) == 4);
        }

        assertThat(rowsOf(acme)).extracting(r -> r.get(USAGE_HOURLY.HOUR).toInstant(), r -> r.get(USAGE_HOURLY.REQUESTS),
                        r -> r.get(USAGE_HOURLY.COST_MICROCENTS))
                .containsExactly(tuple(Instant.parse("2026-11-05T09:00:00Z"), 3L, 4L), tuple(Instant.parse("2026-11-05T10:00:00Z"), 8L, 7L));
        assertThat(db.select(USAGE_DAILY.DAY, USAGE_DAILY.REQUESTS, USAGE_DAILY.CHARGE_MICROCENTS).from(USAGE_DAILY)
                .where(USAGE_DAILY.CUSTOMER.eq(acme.raw())).fetch(r -> tuple(r.value1(), r.value2(), r.value3())))
                .as("the day holds both hours").containsExactly(tuple(LocalDate.parse("2026-11-05"), 11L, 14L));
    }

    @Test
    void aLineThatFailsAloneIsSetAsideWithItsReasonAndTheOtherLinesOfItsBatchCountOnce() {
        CustomerId acme = newCustomer();
        CustomerId globex = RatedUsages.newCustomerOnThePartitionOf(acme, RatedUsages.partitions(context.kafkaBootstrap()));
        RatedBatch batch = new RatedBatch(List.of(
                usage(globex, NOV_5_0910).requests(2).build(),
                usage(acme, NOV_5_0910).requests(1).tokens(2, 0, 0, 0).build(), // beyond bigint on acme's stored row
                usage(acme, NOV_5_0910).model("openai", "gpt-4o").requests(4).build()));
        try (HourlyRollups rollups = HourlyRollups.start(context)) {
            RatedUsages.publish(context.kafkaBootstrap(), List.of(usage(acme, NOV_5_0910).requests(1).tokens(Long.MAX_VALUE - 1, 0, 0, 0).build()));
            await().atMost(WAIT).until(() -> requestsOf(acme) == 1);
            RatedUsages.publishBatches(context.kafkaBootstrap(), List.of(batch));
            // after the batch on the same partition: counted once the projection went on past it
            RatedUsages.publish(context.kafkaBootstrap(), List.of(usage(globex, NOV_5_0910).requests(8).build()));
            await().atMost(WAIT).until(() -> requestsOf(globex) >= 10 && requestsOf(acme) >= 5);
            assertThat(rollups.isReady()).as("the projection goes on").isTrue();
        }

        assertThat(deadLettersOf(acme)).singleElement().satisfies(letter -> {
            assertThat(DeadLetter.header(letter.headers(), DeadLetter.REASON)).isEqualTo("overflow");
            assertThat(DeadLetter.header(letter.headers(), DeadLetter.DETAIL)).startsWith("line 2 of 3: ");
            assertThat(letter.key()).as("keyed by the line's own customer").isEqualTo(acme.raw());
            assertThat(Topics.USAGE_RATED_BATCHES.valueSerde().deserializer().deserialize(Topics.USAGE_RATED.name(), letter.value().getBytes(StandardCharsets.UTF_8)))
                    .as("the line's own bytes, a record of one line").isEqualTo(RatedBatch.of(batch.lines().get(1)));
        });
        assertThat(deadLettersOf(globex)).isEmpty();
        assertThat(requestsOf(globex)).as("the batch's line and the later record, each once").isEqualTo(10);
        assertThat(db.select(USAGE_HOURLY.MODEL, USAGE_HOURLY.REQUESTS, USAGE_HOURLY.INPUT_TOKENS).from(USAGE_HOURLY)
                .where(USAGE_HOURLY.CUSTOMER.eq(acme.raw())).orderBy(USAGE_HOURLY.MODEL).fetch(r -> tuple(r.value1(), r.value2(), r.value3())))
                .as("the overflowing line left the stored row as it was; the next line counted once")
                .containsExactly(tuple("", 1L, Long.MAX_VALUE - 1), tuple("gpt-4o", 4L, 0L));
        assertThat(db.select(DSL.sum(USAGE_DAILY.REQUESTS)).from(USAGE_DAILY).where(USAGE_DAILY.CUSTOMER.eq(acme.raw())).fetchOne(0, Long.class))
                .as("the daily rows likewise").isEqualTo(5L);
    }

    private static List<ConsumerRecord<String, String>> deadLettersOf(CustomerId customer) {
        return KafkaTestRecords.deadLettersOf(context.kafkaBootstrap(), HourlyRollupProjection.NAME, customer.raw());
    }

    @Test
    void aRestartedRollupGoesOnFromItsStoredOffsetsWithoutCountingTwice() {
        CustomerId customer = newCustomer();
        try (HourlyRollups first = HourlyRollups.start(context)) {
            RatedUsages.publish(context.kafkaBootstrap(), List.of(
                    usage(customer, NOV_5_0910).requests(100).cost(10, 0).build(),
                    usage(customer, NOV_5_0910).requests(200).cost(20, 0).build()));
            await().atMost(WAIT).until(() -> requestsOf(customer) == 300);
        }

        try (HourlyRollups second = HourlyRollups.start(context)) {
            RatedUsages.publish(context.kafkaBootstrap(), List.of(usage(customer, NOV_5_0910).requests(7).cost(1, 0).build()));
            // a replay from the start would pass through 600 on its way to 607, never through 307
            await().atMost(WAIT).until(() -> requestsOf(customer) >= 307);
            assertThat(requestsOf(customer)).isEqualTo(307);
            assertThat(counters(rowsOf(customer).getFirst()).get(5)).as("cost").isEqualTo(31L);
        }
    }

    @Test
    void rowsWrittenByAFailedTransactionAreRolledBackWithItsOffsetsAndCountedOnceOnRestart() {
        CustomerId customer = newCustomer();
        AtomicBoolean rowsWereWritten = new AtomicBoolean();
        ProjectionOffsets failing = new FailingOffsets(tx -> rowsWereWritten.set(
                tx.fetchExists(USAGE_HOURLY, USAGE_HOURLY.CUSTOMER.eq(customer.raw()))));
        RatedUsages.publish(context.kafkaBootstrap(), List.of(usage(customer, NOV_5_0910).requests(5).build()));

        try (HourlyRollups crashing = HourlyRollups.start(context, failing)) {
            await().atMost(WAIT).until(() -> !crashing.isReady() && rowsWereWritten.get());
        }
        assertThat(rowsOf(customer)).as("the failed transaction left nothing behind").isEmpty();

        try (HourlyRollups restarted = HourlyRollups.start(context)) {
            await().atMost(WAIT).until(() -> requestsOf(customer) >= 5);
            assertThat(requestsOf(customer)).isEqualTo(5);
        }
    }

    @Test
    void aPollWithMoreDistinctRowsThanOneStatementTakesIsWrittenWholeAndAddedToWhatIsStored() {
        CustomerId customer = newCustomer();
        // more rows than a statement binding each value of each row could take: the protocol allows 65,535 binds
        int users = 4_000;
        List<ConsumerRecord<CustomerId, RatedBatch>> poll = new ArrayList<>();
        for (int user = 0; user < users; user++) {
            // two events per user: summed in memory, since one statement may not update a row twice
            for (int event = 0; event < 2; event++) {
                RatedUsage usage = usage(customer, NOV_5_0910).user("user-" + user + "@acme.io").requests(1).cost(3, 5).build();
                poll.add(new ConsumerRecord<>(Topics.USAGE_RATED.name(), 0, poll.size(), customer, RatedBatch.of(usage)));
            }
        }
        HourlyRollupProjection projection = new HourlyRollupProjection();

        db.transaction(tx -> projection.apply(tx.dsl(), poll));
        db.transaction(tx -> projection.apply(tx.dsl(), poll.subList(0, 2)));

        assertThat(rowsOf(customer)).hasSize(users);
        assertThat(requestsOf(customer)).isEqualTo(2L * users + 2);
        assertThat(rowsOf(customer).stream().mapToLong(r -> r.get(USAGE_HOURLY.COST_MICROCENTS)).sum()).isEqualTo(3L * (2L * users + 2));
    }

    /** Offsets that cannot be saved: the transaction fails after the rows were written in it. */
    private record FailingOffsets(Consumer<DSLContext> beforeFailing) implements ProjectionOffsets {
        @Override
        public Map<TopicPartition, Long> load(DSLContext db, String projection, Collection<TopicPartition> partitions) {
            return TableProjectionOffsets.inSchema("rating").load(db, projection, partitions);
        }

        @Override
        public void advance(DSLContext tx, String projection, Map<TopicPartition, Long> fromOffsets,
                            Map<TopicPartition, Long> nextOffsets) {
            beforeFailing.accept(tx);
            throw new IllegalStateException("database went away");
        }
    }

    private static List<Record> rowsOf(CustomerId customer) {
        return List.copyOf(db.selectFrom(USAGE_HOURLY).where(USAGE_HOURLY.CUSTOMER.eq(customer.raw()))
                .orderBy(USAGE_HOURLY.HOUR, USAGE_HOURLY.PROJECT).fetch());
    }

    private static long requestsOf(CustomerId customer) {
        return rowsOf(customer).stream().mapToLong(r -> r.get(USAGE_HOURLY.REQUESTS)).sum();
    }

    private static List<Long> counters(Record row) {
        return List.of(row.get(USAGE_HOURLY.REQUESTS), row.get(USAGE_HOURLY.INPUT_TOKENS), row.get(USAGE_HOURLY.OUTPUT_TOKENS),
                row.get(USAGE_HOURLY.CACHE_READ_TOKENS), row.get(USAGE_HOURLY.CACHE_WRITE_TOKENS),
                row.get(USAGE_HOURLY.COST_MICROCENTS), row.get(USAGE_HOURLY.CHARGE_MICROCENTS));
    }
}
