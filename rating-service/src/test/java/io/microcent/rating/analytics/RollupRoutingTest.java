package io.microcent.rating.analytics;

import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.platform.test.TestContexts;
import io.microcent.rating.analytics.RollupRows.Routing;
import io.microcent.rating.analytics.UsageQuery.Bucket;
import io.microcent.rating.analytics.UsageQuery.View;
import io.microcent.rating.rollups.HourlyRollupProjection;
import io.microcent.rating.rollups.RatedUsages;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static io.microcent.rating.db.Tables.USAGE_DAILY;
import static io.microcent.rating.rollups.RatedUsages.newCustomer;
import static io.microcent.rating.rollups.RatedUsages.usage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Analytics read {@code usage_daily} for the whole days of a range and {@code usage_hourly} for the hours at its
 * edges: on the same usage, every answer equals the one read from {@code usage_hourly} alone. The usage is of years
 * no other test writes, since a comparison over all customers reads every test's rows.
 */
class RollupRoutingTest {

    /** Seeded usage: now and then from 2041-10-30 to 2041-11-04 (a period boundary inside), some hours busier. */
    private static final Instant FIRST_HOUR = Instant.parse("2041-10-30T00:00:00Z");
    private static final int HOURS = 6 * 24;

    private static DSLContext db;
    private static CustomerId acme;
    private static CustomerId globex;

    @BeforeAll
    static void seed() {
        var context = TestContexts.forService("rating");
        context.database().migrate("rating");
        db = context.database().dsl();
        acme = newCustomer();
        globex = newCustomer();
        Random random = new Random(42);
        String[] users = {"ada", "bob", "carol", null};
        String[] teams = {"ml", "research", null};
        String[][] models = {{"openai", "gpt-4o"}, {"anthropic", "claude-sonnet-4"}, {null, null}};
        String[][] tags = {{}, {"env:prod"}, {"env:prod", "feature:chat"}, {"env:staging"}};
        List<RatedUsage> lines = new ArrayList<>();
        for (int hour = 0; hour < HOURS; hour += 1 + random.nextInt(3)) {
            Instant at = FIRST_HOUR.plus(Duration.ofHours(hour)).plusSeconds(random.nextInt(3_600));
            for (int line = 0; line < 1 + random.nextInt(6); line++) {
                String[] model = models[random.nextInt(models.length)];
                RatedUsages usage = usage(random.nextBoolean() ? acme : globex, at)
                        .user(users[random.nextInt(users.length)]).team(teams[random.nextInt(teams.length)])
                        .model(model[0], model[1]).tags(tags[random.nextInt(tags.length)])
                        .project(random.nextBoolean() ? "chatbot" : null).apiKey(random.nextBoolean() ? "key-prod" : "key-batch")
                        .costCenter(random.nextInt(4) == 0 ? "cc-1" : null)
                        .requests(random.nextInt(5)).tokens(random.nextInt(1_000), random.nextInt(300), random.nextInt(50), random.nextInt(20))
                        .cost(random.nextInt(10_000), random.nextInt(20_000));
                // now and then usage that arrives late, rated in the next period
                lines.add((random.nextInt(10) == 0 ? usage.ratedIn(BillingPeriod.containing(at).next().toString()) : usage).build());
            }
        }
        HourlyRollupProjection projection = new HourlyRollupProjection();
        List<ConsumerRecord<CustomerId, RatedBatch>> poll = new ArrayList<>();
        for (RatedUsage line : lines) {
            poll.add(new ConsumerRecord<>(Topics.USAGE_RATED.name(), 0, poll.size(), line.event().customer(), RatedBatch.of(line)));
        }
        db.transaction(tx -> projection.apply(tx.dsl(), poll));
    }

    @ParameterizedTest(name = "[{0}, {1})")
    @CsvSource({
            // whole days only
            "2041-10-30T00:00:00Z, 2041-11-05T00:00:00Z",
            "2041-10-31T00:00:00Z, 2041-11-01T00:00:00Z",
            "2041-11-01T00:00:00Z, 2041-11-03T00:00:00Z",
            // hours before the first whole day, after the last, or both
            "2041-10-30T05:00:00Z, 2041-11-02T00:00:00Z",
            "2041-10-31T00:00:00Z, 2041-11-02T17:00:00Z",
            "2041-10-30T23:00:00Z, 2041-11-04T01:00:00Z",
            "2041-10-31T13:00:00Z, 2041-11-01T13:00:00Z",
            "2041-10-31T13:00:00Z, 2041-11-02T13:00:00Z",
            // under a day, across midnight, one hour, and beyond the seeded usage
            "2041-11-01T03:00:00Z, 2041-11-01T21:00:00Z",
            "2041-10-31T20:00:00Z, 2041-11-01T04:00:00Z",
            "2041-11-02T07:00:00Z, 2041-11-02T08:00:00Z",
            "2041-10-28T10:00:00Z, 2041-11-07T10:00:00Z",
            "2041-12-01T00:00:00Z, 2041-12-03T00:00:00Z"})
    void theUsagePageAndDimensionsAreTheSameReadFromDailyRowsAsFromHourlyOnes(Instant from, Instant to) {
        for (Optional<CustomerId> customer : List.of(Optional.of(acme), Optional.<CustomerId>empty())) {
            for (UsageFilters filters : List.of(UsageFilters.NONE,
                    new UsageFilters(Map.of(UsageFilter.TEAM, Set.of("ml"))),
                    new UsageFilters(Map.of(UsageFilter.TAG, Set.of("env:prod", ""), UsageFilter.MODEL, Set.of("gpt-4o", ""))))) {
                for (View view : View.values()) {
                    for (Bucket bucket : Bucket.values()) {
                        UsageQuery query = new UsageQuery(from, to, view, bucket, customer, filters);
                        if (customer.isEmpty() && !query.equals(new UsageQuery(from, to, view, bucket, customer, UsageFilters.NONE))) {
                            continue; // over all customers (others' usage in the table too), unfiltered is enough
                        }
                        UsageReport routed = new UsageRepository(db, Routing.DAILY_WHERE_WHOLE).report(query);
                        assertThat(routed).as("%s", query).isEqualTo(new UsageRepository(db, Routing.HOURLY_ONLY).report(query));
                        assertThat(Dimensions.of(db, Routing.DAILY_WHERE_WHOLE, query)).as("%s", query)
                                .isEqualTo(Dimensions.of(db, Routing.HOURLY_ONLY, query));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({"2041-10-30, 2041-11-04", "2041-10-31, 2041-10-31", "2041-11-01, 2041-11-02", "2041-10-01, 2041-12-31"})
    void theActivitySeriesIsTheSameReadFromDailyRowsAsFromHourlyOnes(LocalDate from, LocalDate to) {
        for (GroupBy groupBy : GroupBy.values()) {
            for (UsageFilters filters : List.of(UsageFilters.NONE, new UsageFilters(Map.of(UsageFilter.USER, Set.of("ada", "bob"))))) {
                ActivityQuery query = new ActivityQuery(from, to, groupBy, Optional.of(acme), filters);
                AnalyticsRepository daily = new AnalyticsRepository(db, Routing.DAILY_WHERE_WHOLE);
                AnalyticsRepository hourly = new AnalyticsRepository(db, Routing.HOURLY_ONLY);
                assertThat(daily.daily(query)).as("%s", query).containsExactlyInAnyOrderElementsOf(hourly.daily(query));
                assertThat(daily.dailyTotals(query)).as("%s", query).isEqualTo(hourly.dailyTotals(query));
            }
        }
    }

    @Test
    void theUsageBreakdownOfAPeriodIsTheSameReadFromDailyRowsAsFromHourlyOnes() {
        for (String period : List.of("2041-10", "2041-11", "2041-12")) {
            BillingPeriod billing = BillingPeriod.parse(period);
            assertThat(new AnalyticsRepository(db, Routing.DAILY_WHERE_WHOLE).byModel(acme, billing)).as(period)
                    .isEqualTo(new AnalyticsRepository(db, Routing.HOURLY_ONLY).byModel(acme, billing));
        }
    }

    @Test
    void theSeededUsageIsNotNothingSoTheComparisonsCompareFigures() {
        UsageQuery november = new UsageQuery(Instant.parse("2041-10-30T05:00:00Z"), Instant.parse("2041-11-04T01:00:00Z"),
                View.USER, Bucket.DAY, Optional.of(acme), UsageFilters.NONE);
        UsageReport report = new UsageRepository(db).report(november);
        assertThat(report.kpis().requests()).isGreaterThan(50);
        assertThat(report.kpis().activeUsers()).isEqualTo(3);
        assertThat(report.rows()).hasSize(4);
        assertThat(db.fetchCount(USAGE_DAILY, USAGE_DAILY.CUSTOMER.eq(acme.raw()))).isGreaterThan(6);
    }

    @Test
    void wholeDaysAreReadFromTheDailyTableAndTheHoursAtTheEdgesFromTheHourlyOne() {
        CustomerId marked = newCustomer();
        // a row only in usage_daily, as no projection writes it: it shows exactly where the daily table is read
        db.insertInto(USAGE_DAILY).set(USAGE_DAILY.CUSTOMER, marked.raw()).set(USAGE_DAILY.DAY, LocalDate.parse("2042-03-02"))
                .set(USAGE_DAILY.PERIOD, "2042-03").set(USAGE_DAILY.PROJECT, "").set(USAGE_DAILY.COST_CENTER, "")
                .set(USAGE_DAILY.API_KEY_ID, "").set(USAGE_DAILY.USER_ID, "ada").set(USAGE_DAILY.TEAM, "")
                .set(USAGE_DAILY.PROVIDER, "").set(USAGE_DAILY.MODEL, "").set(USAGE_DAILY.TAGS, new String[0])
                .set(USAGE_DAILY.REQUESTS, 7L).set(USAGE_DAILY.INPUT_TOKENS, 0L).set(USAGE_DAILY.OUTPUT_TOKENS, 0L)
                .set(USAGE_DAILY.CACHE_READ_TOKENS, 0L).set(USAGE_DAILY.CACHE_WRITE_TOKENS, 0L)
                .set(USAGE_DAILY.COST_MICROCENTS, 0L).set(USAGE_DAILY.CHARGE_MICROCENTS, 0L).execute();
        UsageRepository usage = new UsageRepository(db);

        assertThat(requests(usage, marked, "2042-03-02T00:00:00Z", "2042-03-03T00:00:00Z")).as("the whole day").isEqualTo(7);
        assertThat(requests(usage, marked, "2042-03-01T22:00:00Z", "2042-03-03T02:00:00Z")).as("the whole day and edges").isEqualTo(7);
        assertThat(requests(usage, marked, "2042-03-02T00:00:00Z", "2042-03-02T23:00:00Z")).as("under a day: hourly").isZero();
        assertThat(requests(usage, marked, "2042-03-02T01:00:00Z", "2042-03-04T00:00:00Z")).as("the day is an edge").isZero();
        assertThat(new AnalyticsRepository(db).dailyTotals(new ActivityQuery(LocalDate.parse("2042-03-02"),
                LocalDate.parse("2042-03-02"), GroupBy.MODEL, Optional.of(marked))).values())
                .singleElement().satisfies(day -> assertThat(day.requests()).isEqualTo(7));
    }

    private static long requests(UsageRepository usage, CustomerId customer, String from, String to) {
        return usage.report(new UsageQuery(Instant.parse(from), Instant.parse(to), View.USER, Bucket.DAY, Optional.of(customer),
                UsageFilters.NONE)).kpis().requests();
    }
}
