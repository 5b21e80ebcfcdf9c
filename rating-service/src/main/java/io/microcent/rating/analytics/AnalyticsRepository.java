package io.microcent.rating.analytics;

import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.rating.analytics.UsageBreakdown.ModelUsage;
import io.microcent.rating.rollups.HourlyKey;
import io.microcent.rating.rollups.UsageCounters;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.jooq.impl.DSL.sum;

/** Queries of the rollups ({@link RollupRows}: daily where the range has whole days, else hourly) for analytics. */
public final class AnalyticsRepository {

    private static final Field<BigDecimal> REQUESTS = sum(RollupRows.REQUESTS).as("requests");
    private static final Field<BigDecimal> INPUT_TOKENS = sum(RollupRows.INPUT_TOKENS).as("input_tokens");
    private static final Field<BigDecimal> OUTPUT_TOKENS = sum(RollupRows.OUTPUT_TOKENS).as("output_tokens");
    private static final Field<BigDecimal> CACHE_READ_TOKENS = sum(RollupRows.CACHE_READ_TOKENS).as("cache_read_tokens");
    private static final Field<BigDecimal> CACHE_WRITE_TOKENS = sum(RollupRows.CACHE_WRITE_TOKENS).as("cache_write_tokens");
    private static final Field<BigDecimal> COST = sum(RollupRows.COST_MICROCENTS).as("cost_microcents");
    private static final Field<BigDecimal> CHARGE = sum(RollupRows.CHARGE_MICROCENTS).as("charge_microcents");
    /** The summed columns, in the order of {@link #SUMS}; each sum is named as its column. */
    private static final List<Field<Long>> COUNTERS = List.of(RollupRows.REQUESTS, RollupRows.INPUT_TOKENS,
            RollupRows.OUTPUT_TOKENS, RollupRows.CACHE_READ_TOKENS, RollupRows.CACHE_WRITE_TOKENS,
            RollupRows.COST_MICROCENTS, RollupRows.CHARGE_MICROCENTS);
    private static final List<Field<BigDecimal>> SUMS =
            List.of(REQUESTS, INPUT_TOKENS, OUTPUT_TOKENS, CACHE_READ_TOKENS, CACHE_WRITE_TOKENS, COST, CHARGE);

    /**
     * Each tag of a row, as a table joined to it (a function in FROM sees the rows before it): a row with tags
     * once per tag, a row without any once, as {@link HourlyKey#ABSENT}.
     */
    static final Table<?> EACH_TAG_OF_ROW = DSL.table("unnest(case when cardinality({0}) = 0 then array[{1}]::text[] else {0} end)",
            RollupRows.TAGS, DSL.inline(HourlyKey.ABSENT)).as("each_tag", "tag");
    static final Field<String> EACH_TAG = DSL.field(DSL.name("each_tag", "tag"), String.class);

    /**
     * The memory one sort or hash of an analytics statement may use. At PostgreSQL's default (4MB) a month of a
     * large customer's rows (hundreds of thousands) does not fit a hash table, so PostgreSQL sorts them instead,
     * on disk, comparing text by collation: several seconds instead of a fraction of one.
     */
    static final String WORK_MEM = "64MB";

    private final DSLContext db;
    private final RollupRows.Routing routing;

    public AnalyticsRepository(DSLContext db) {
        this(db, RollupRows.Routing.DAILY_WHERE_WHOLE);
    }

    AnalyticsRepository(DSLContext db, RollupRows.Routing routing) {
        this.db = db;
        this.routing = routing;
    }

    /**
     * The usage of each UTC day of the query's range per value of its dimension, one row each, in no order. By
     * tag, a row counts once under each of its tags ({@link HourlyKey#ABSENT} when it has none).
     */
    public List<DailyUsage> daily(ActivityQuery query) {
        Table<?> rows = rowsOf(query);
        Field<String> dimension = query.groupBy() == GroupBy.TAG ? EACH_TAG : column(query.groupBy());
        var from = query.groupBy() == GroupBy.TAG ? rows.crossJoin(EACH_TAG_OF_ROW) : rows;
        return db.select(selecting(RollupRows.DAY, dimension))
                .from(from)
                .groupBy(RollupRows.DAY, dimension)
                .fetch(row -> new DailyUsage(row.get(RollupRows.DAY), row.get(dimension), counters(row)));
    }

    /** The totals of each UTC day of the query's range that has usage, whatever it is grouped by. */
    public Map<LocalDate, UsageCounters> dailyTotals(ActivityQuery query) {
        return db.select(selecting(RollupRows.DAY))
                .from(rowsOf(query))
                .groupBy(RollupRows.DAY)
                .fetchMap(row -> row.get(RollupRows.DAY), AnalyticsRepository::counters);
    }

    /** The rows of the query's days: whole days, so {@code usage_daily}'s when routed there. */
    private Table<?> rowsOf(ActivityQuery query) {
        return RollupRows.of(routing, query.customer(), startOf(query.from()), startOf(query.to().plusDays(1)), query.filters(), false);
    }

    /** The customer's usage rated in the period, per provider and model, most expensive first. */
    public List<ModelUsage> byModel(CustomerId customer, BillingPeriod period) {
        return db.select(selecting(RollupRows.MODEL, RollupRows.PROVIDER))
                .from(RollupRows.ofPeriod(routing, customer, period.toString()))
                .groupBy(RollupRows.MODEL, RollupRows.PROVIDER)
                .orderBy(COST.desc(), RollupRows.MODEL, RollupRows.PROVIDER)
                .fetch(row -> ModelUsage.of(row.get(RollupRows.MODEL), row.get(RollupRows.PROVIDER), counters(row)));
    }

    /** The rollup column of a grouping (and of the filter spelled alike). */
    static Field<String> column(GroupBy groupBy) {
        return switch (groupBy) {
            case MODEL -> RollupRows.MODEL;
            case PROJECT -> RollupRows.PROJECT;
            case API_KEY -> RollupRows.API_KEY_ID;
            case COST_CENTER -> RollupRows.COST_CENTER;
            case USER -> RollupRows.USER_ID;
            case TEAM -> RollupRows.TEAM;
            case CUSTOMER -> RollupRows.CUSTOMER;
            case TAG -> throw new IllegalArgumentException("tags are an array, not a column of one value: see EACH_TAG_OF_ROW");
        };
    }

    static List<SelectField<?>> selecting(Field<?>... groups) {
        List<SelectField<?>> fields = new ArrayList<>(List.of(groups));
        fields.addAll(SUMS);
        return fields;
    }

    /**
     * Raises {@link #WORK_MEM} for the rest of {@code tx}'s transaction (and only there: {@code SET LOCAL}), and has
     * each statement planned for its own values: the driver prepares a statement sent often, and a plan made for
     * any customer guesses a customer has few rows (an index scan), wrong for a large one (most of the table).
     */
    static void allowHashAggregation(DSLContext tx) {
        tx.execute("set local work_mem = '" + WORK_MEM + "'");
        tx.execute("set local plan_cache_mode = force_custom_plan");
    }

    /**
     * {@link #selecting}, with the sums as bigints: for a derived table whose sums are summed again, so that the outer
     * sums add bigints (PostgreSQL does that in 128-bit integers) rather than numerics, several times faster. A sum
     * beyond a bigint is an error, as it would be when read ({@link #whole}).
     */
    static List<SelectField<?>> selectingAsBigints(Field<?>... groups) {
        List<SelectField<?>> fields = new ArrayList<>(List.of(groups));
        for (Field<Long> counter : COUNTERS) {
            fields.add(sum(counter).cast(SQLDataType.BIGINT).as(counter.getName()));
        }
        return fields;
    }

    /** The sums of {@link #selectingAsBigints} summed again, over a derived table of such sums (named alike). */
    static List<SelectField<?>> summing(Table<?> sums) {
        List<SelectField<?>> fields = new ArrayList<>();
        for (Field<BigDecimal> sum : SUMS) {
            fields.add(DSL.sum(sums.field(sum.getName(), Long.class)).as(sum.getName()));
        }
        return fields;
    }

    /**
     * {@link #counters(Record)} for every row of {@code result}, with the sums' positions looked up once: reading a
     * field by its name costs a search of the row's fields, which adds up over tens of thousands of groups.
     */
    static Function<Record, UsageCounters> countersOf(Result<?> result) {
        int[] at = SUMS.stream().mapToInt(sum -> result.indexOf(sum.getName())).toArray();
        return row -> new UsageCounters(whole(row, at[0]), whole(row, at[1]), whole(row, at[2]), whole(row, at[3]),
                whole(row, at[4]), Microcents.of(whole(row, at[5])), Microcents.of(whole(row, at[6])));
    }

    private static long whole(Record row, int index) {
        BigDecimal value = (BigDecimal) row.get(index);
        return value == null ? 0 : value.longValueExact();
    }

    static UsageCounters counters(Record row) {
        return new UsageCounters(whole(row, REQUESTS), whole(row, INPUT_TOKENS), whole(row, OUTPUT_TOKENS),
                whole(row, CACHE_READ_TOKENS), whole(row, CACHE_WRITE_TOKENS),
                Microcents.of(whole(row, COST)), Microcents.of(whole(row, CHARGE)));
    }

    /**
     * PostgreSQL sums bigints as numeric; the sums of whole counters are whole and must fit a long. The sum of no
     * rows (the grand total of a selection without any) is SQL null, which is nothing.
     */
    private static long whole(Record row, Field<BigDecimal> sum) {
        BigDecimal value = row.get(sum);
        return value == null ? 0 : value.longValueExact();
    }

    static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
