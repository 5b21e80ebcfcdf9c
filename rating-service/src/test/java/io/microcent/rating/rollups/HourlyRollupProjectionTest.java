package io.microcent.rating.rollups;

import io.microcent.model.deadletter.DeadLetterReason;
import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.platform.kafka.Failures;
import io.microcent.platform.test.TestContexts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.groups.Tuple;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.microcent.rating.db.Tables.USAGE_HOURLY;
import static io.microcent.rating.rollups.RatedUsages.newCustomer;
import static io.microcent.rating.rollups.RatedUsages.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The projection's upsert on the real database: which rows one poll writes and how a later poll adds to them. */
class HourlyRollupProjectionTest {

    private static final Instant NOV_5_0910 = Instant.parse("2026-11-05T09:10:00Z");

    private static DSLContext db;
    private final HourlyRollupProjection projection = new HourlyRollupProjection();

    @BeforeAll
    static void migrate() {
        var context = TestContexts.forService("rating");
        context.database().migrate("rating");
        db = context.database().dsl();
    }

    @Test
    void rowsThatDifferOnlyInWhetherADimensionIsNamedAreRowsOfTheirOwnAndLaterPollsAddToEach() {
        CustomerId customer = newCustomer();
        List<RatedUsage> poll = List.of(
                usage(customer, NOV_5_0910).requests(1).build(),
                usage(customer, NOV_5_0910).team("core").requests(2).build(),
                usage(customer, NOV_5_0910).costCenter("cc-1").requests(4).build(),
                usage(customer, NOV_5_0910).apiKey("key-1").requests(8).build(),
                usage(customer, NOV_5_0910).model("openai", "gpt-4o").requests(16).build());

        apply(poll);
        apply(poll);

        assertThat(db.select(USAGE_HOURLY.TEAM, USAGE_HOURLY.COST_CENTER, USAGE_HOURLY.API_KEY_ID,
                        USAGE_HOURLY.PROVIDER, USAGE_HOURLY.MODEL, USAGE_HOURLY.REQUESTS)
                .from(USAGE_HOURLY).where(USAGE_HOURLY.CUSTOMER.eq(customer.raw())).orderBy(USAGE_HOURLY.REQUESTS)
                .fetch(r -> tuple(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6())))
                .as("an absent dimension is stored as '' and keys its own row")
                .containsExactly(
                        tuple("", "", "", "", "", 2L),
                        tuple("core", "", "", "", "", 4L),
                        tuple("", "cc-1", "", "", "", 8L),
                        tuple("", "", "key-1", "", "", 16L),
                        tuple("", "", "", "openai", "gpt-4o", 32L));
    }

    @Test
    void tagsThatPostgresWouldReadAsSyntaxAreStoredAsTheyAreAndKeyTheirOwnRows() {
        CustomerId customer = newCustomer();
        String[] awkward = {"note:say \"hi\", {then} \\ leave", "null:NULL", "space: padded ", "unicode:zürich→東京"};
        List<RatedUsage> poll = List.of(
                usage(customer, NOV_5_0910).requests(1).build(),
                usage(customer, NOV_5_0910).tags("env:prod").requests(2).build(),
                usage(customer, NOV_5_0910).tags(awkward).requests(4).build(),
                usage(customer, NOV_5_0910).tags("null:NULL").requests(8).build());

        apply(poll);
        apply(List.of(usage(customer, NOV_5_0910).tags(awkward).requests(16).build(),
                usage(customer, NOV_5_0910).requests(32).build()));

        assertThat(db.select(USAGE_HOURLY.TAGS, USAGE_HOURLY.REQUESTS).from(USAGE_HOURLY)
                .where(USAGE_HOURLY.CUSTOMER.eq(customer.raw())).orderBy(USAGE_HOURLY.REQUESTS)
                .fetch(r -> tuple(List.of(r.value1()), r.value2())))
                .containsExactly(
                        tuple(List.of("env:prod"), 2L),
                        tuple(List.of("null:NULL"), 8L),
                        tuple(Arrays.stream(awkward).sorted().toList(), 20L),
                        tuple(List.of(), 33L));
    }

    @Test
    void usageWithoutTagsAddsToARowStoredBeforeTagsExisted() {
        CustomerId customer = newCustomer();
        // a row as written before the tags column: it got the column's default
        db.insertInto(USAGE_HOURLY, USAGE_HOURLY.CUSTOMER, USAGE_HOURLY.HOUR, USAGE_HOURLY.PERIOD, USAGE_HOURLY.PROJECT,
                        USAGE_HOURLY.COST_CENTER, USAGE_HOURLY.API_KEY_ID, USAGE_HOURLY.USER_ID, USAGE_HOURLY.TEAM,
                        USAGE_HOURLY.PROVIDER, USAGE_HOURLY.MODEL, USAGE_HOURLY.REQUESTS, USAGE_HOURLY.INPUT_TOKENS,
                        USAGE_HOURLY.OUTPUT_TOKENS, USAGE_HOURLY.CACHE_READ_TOKENS, USAGE_HOURLY.CACHE_WRITE_TOKENS,
                        USAGE_HOURLY.COST_MICROCENTS, USAGE_HOURLY.CHARGE_MICROCENTS)
                .values(customer.raw(), Instant.parse("2026-11-05T09:00:00Z").atOffset(ZoneOffset.UTC), "2026-11",
                        "", "", "", "", "", "", "", 10L, 1L, 2L, 3L, 4L, 5L, 6L)
                .execute();

        apply(List.of(usage(customer, NOV_5_0910).requests(1).tokens(10, 20, 30, 40).cost(50, 60).build()));

        var row = db.selectFrom(USAGE_HOURLY).where(USAGE_HOURLY.CUSTOMER.eq(customer.raw())).fetchSingle();
        assertThat(List.of(row.getRequests(), row.getInputTokens(), row.getOutputTokens(), row.getCacheReadTokens(),
                row.getCacheWriteTokens(), row.getCostMicrocents(), row.getChargeMicrocents()))
                .containsExactly(11L, 11L, 22L, 33L, 44L, 55L, 66L);
    }

    @Test
    void eachRowKeepsItsOwnHourAndPeriodWhateverItsPlaceInThePoll() {
        CustomerId customer = newCustomer();
        List<RatedUsage> poll = new ArrayList<>();
        // every hour of November, rated in November, and usage arriving late into December's period
        for (int hour = 0; hour < 30 * 24; hour++) {
            Instant at = Instant.parse("2026-11-01T00:59:59Z").plusSeconds(3_600L * hour);
            poll.add(usage(customer, at).requests(hour + 1).build());
            poll.add(usage(customer, at).ratedIn("2026-12").requests(1).build());
        }
        poll.add(usage(customer, Instant.parse("2099-12-31T23:30:00Z")).requests(7).build());

        apply(poll);

        List<Tuple> expected = new ArrayList<>();
        for (int hour = 0; hour < 30 * 24; hour++) {
            Instant start = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3_600L * hour);
            expected.add(tuple(start, "2026-11", hour + 1L));
            expected.add(tuple(start, "2026-12", 1L));
        }
        expected.add(tuple(Instant.parse("2099-12-31T23:00:00Z"), "2099-12", 7L));
        assertThat(db.select(USAGE_HOURLY.HOUR, USAGE_HOURLY.PERIOD, USAGE_HOURLY.REQUESTS).from(USAGE_HOURLY)
                .where(USAGE_HOURLY.CUSTOMER.eq(customer.raw())).orderBy(USAGE_HOURLY.HOUR, USAGE_HOURLY.PERIOD)
                .fetch(r -> tuple(r.value1().toInstant(), r.value2(), r.value3())))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aSumBeyondBigintOnTheStoredRowFailsThePollAsAnOverflowAndWritesNothingOfIt() {
        CustomerId customer = newCustomer();
        apply(List.of(usage(customer, NOV_5_0910).requests(1).tokens(Long.MAX_VALUE - 1, 0, 0, 0).build()));

        List<RatedUsage> overflowing = List.of(
                usage(customer, NOV_5_0910).model("openai", "gpt-4o").requests(5).build(),
                usage(customer, NOV_5_0910).requests(1).tokens(2, 0, 0, 0).build());
        assertThatThrownBy(() -> apply(overflowing))
                .satisfies(failure -> assertThat(Failures.reasonOf(failure)).isEqualTo(DeadLetterReason.OVERFLOW))
                .satisfies(failure -> assertThat(Failures.isTransient(failure)).as("the record's fault").isFalse());

        assertThat(db.select(USAGE_HOURLY.REQUESTS, USAGE_HOURLY.INPUT_TOKENS).from(USAGE_HOURLY)
                .where(USAGE_HOURLY.CUSTOMER.eq(customer.raw())).fetch(r -> tuple(r.value1(), r.value2())))
                .as("the failed poll's other row was rolled back with it")
                .containsExactly(tuple(1L, Long.MAX_VALUE - 1));
    }

    @Test
    void pollsOfEverySizeRunOneStatementTextWhichTheConnectionKeepsPrepared() {
        CustomerId customer = newCustomer();
        long prepared = db.transactionResult(tx -> {
            for (int rows = 1; rows <= 8; rows++) {
                List<ConsumerRecord<CustomerId, RatedBatch>> poll = new ArrayList<>();
                for (int user = 0; user < rows; user++) {
                    RatedUsage usage = usage(customer, NOV_5_0910).user("user-" + user).tags("env:prod").build();
                    poll.add(new ConsumerRecord<>(Topics.USAGE_RATED.name(), 0, poll.size(), customer, RatedBatch.of(usage)));
                }
                projection.apply(tx.dsl(), poll);
            }
            // the driver prepares a statement on the server once it has run the same text a few times
            return tx.dsl().fetchSingle("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE ?",
                    "%INSERT INTO rating.usage_hourly%").get(0, Long.class);
        });

        assertThat(prepared).isEqualTo(1L);
        assertThat(db.select(USAGE_HOURLY.USER_ID, USAGE_HOURLY.REQUESTS).from(USAGE_HOURLY)
                .where(USAGE_HOURLY.CUSTOMER.eq(customer.raw())).orderBy(USAGE_HOURLY.USER_ID)
                .fetch(r -> tuple(r.value1(), r.value2())))
                .containsExactly(tuple("user-0", 8L), tuple("user-1", 7L), tuple("user-2", 6L), tuple("user-3", 5L),
                        tuple("user-4", 4L), tuple("user-5", 3L), tuple("user-6", 2L), tuple("user-7", 1L));
    }

    @Test
    void theDailyRowsHoldTheSameUsageAsTheHourlyRowsOfTheirDayAfterEveryPoll() {
        CustomerId customer = newCustomer();
        List<RatedUsage> poll = new ArrayList<>();
        // 23:00 to 01:00 across two days, late usage rated in the next period, and tags
        for (int hour = 0; hour < 3; hour++) {
            Instant at = Instant.parse("2026-11-30T23:15:00Z").plusSeconds(3_600L * hour);
            poll.add(usage(customer, at).model("openai", "gpt-4o").user("ada").requests(hour + 1).tokens(10, 20, 30, 40).cost(5, 7).build());
            poll.add(usage(customer, at).tags("env:prod").ratedIn("2026-12").requests(2).cost(1, 1).build());
        }

        apply(poll);
        assertThat(daily(customer)).as("after the first poll").isEqualTo(hourlySummedPerDay(customer)).hasSize(4);
        apply(poll.subList(0, 3));
        assertThat(daily(customer)).as("a later poll adds to the stored day").isEqualTo(hourlySummedPerDay(customer)).hasSize(4);
        assertThat(db.fetchValue("SELECT requests FROM rating.usage_daily WHERE customer = ? AND day = '2026-11-30' AND model = 'gpt-4o'",
                customer.raw())).isEqualTo(1L + 1L);
    }

    @Test
    void aBatchOfSeveralLinesCountsEveryLineAndASingleLineRecordReadsAsABatchOfOne() {
        CustomerId acme = newCustomer();
        CustomerId globex = newCustomer();
        RatedBatch batch = new RatedBatch(List.of(
                usage(acme, NOV_5_0910).user("ada").requests(1).cost(10, 20).build(),
                usage(globex, NOV_5_0910).requests(2).cost(30, 40).build(),
                usage(acme, NOV_5_0910).user("ada").requests(4).cost(50, 60).build()));
        byte[] oldRecord = Topics.USAGE_RATED.valueSerde().serializer().serialize(Topics.USAGE_RATED.name(),
                usage(acme, NOV_5_0910).user("bob").requests(8).build());
        RatedBatch single = Topics.USAGE_RATED_BATCHES.valueSerde().deserializer().deserialize(Topics.USAGE_RATED.name(), oldRecord);

        db.transaction(tx -> projection.apply(tx.dsl(), List.of(record(0, batch))));
        db.transaction(tx -> projection.apply(tx.dsl(), List.of(record(1, single), record(2, batch))));

        assertThat(requestsPerUser(acme)).containsExactly(tuple("ada", 10L), tuple("bob", 8L));
        assertThat(requestsPerUser(globex)).containsExactly(tuple("", 4L));
        assertThat(db.fetchValue("SELECT sum(cost_microcents) FROM rating.usage_daily WHERE customer IN (?, ?)",
                acme.raw(), globex.raw())).isEqualTo(BigDecimal.valueOf(2 * (10 + 30 + 50)));
    }

    private static ConsumerRecord<CustomerId, RatedBatch> record(long offset, RatedBatch batch) {
        return new ConsumerRecord<>(Topics.USAGE_RATED.name(), 0, offset, batch.lines().getFirst().event().customer(), batch);
    }

    private static List<Tuple> requestsPerUser(CustomerId customer) {
        return db.select(USAGE_HOURLY.USER_ID, DSL.sum(USAGE_HOURLY.REQUESTS).cast(Long.class)).from(USAGE_HOURLY)
                .where(USAGE_HOURLY.CUSTOMER.eq(customer.raw())).groupBy(USAGE_HOURLY.USER_ID).orderBy(USAGE_HOURLY.USER_ID)
                .fetch(r -> tuple(r.value1(), r.value2()));
    }

    /** A customer's daily rows, every column (tags as text, to compare), in key order. */
    private static List<List<Object>> daily(CustomerId customer) {
        return rowsOf("SELECT " + KEY_AS_TEXT + ", requests, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, "
                + "cost_microcents, charge_microcents FROM rating.usage_daily WHERE customer = ? ORDER BY " + DAILY_KEY, customer);
    }

    /** A customer's hourly rows summed per day and every dimension, as the daily rows should be. */
    private static List<List<Object>> hourlySummedPerDay(CustomerId customer) {
        return rowsOf("SELECT " + KEY_AS_TEXT + ", sum(requests)::bigint, sum(input_tokens)::bigint, sum(output_tokens)::bigint, "
                + "sum(cache_read_tokens)::bigint, sum(cache_write_tokens)::bigint, sum(cost_microcents)::bigint, "
                + "sum(charge_microcents)::bigint FROM rating.usage_hourly WHERE customer = ? GROUP BY " + DAILY_KEY
                + " ORDER BY " + DAILY_KEY, customer);
    }

    private static final String DAILY_KEY = "customer, day, period, project, cost_center, api_key_id, user_id, team, provider, model, tags";
    private static final String KEY_AS_TEXT = DAILY_KEY.replace("tags", "array_to_string(tags, '|')");

    private static List<List<Object>> rowsOf(String sql, CustomerId customer) {
        return db.fetch(sql, customer.raw()).stream().map(r -> List.of(r.intoArray())).toList();
    }

    /** Applies the usage as one poll, in its own transaction as the runner does. */
    private void apply(List<RatedUsage> usages) {
        List<ConsumerRecord<CustomerId, RatedBatch>> poll = new ArrayList<>();
        for (RatedUsage usage : usages) {
            poll.add(new ConsumerRecord<>(Topics.USAGE_RATED.name(), 0, poll.size(), usage.event().customer(), RatedBatch.of(usage)));
        }
        db.transaction(tx -> projection.apply(tx.dsl(), poll));
    }
}
