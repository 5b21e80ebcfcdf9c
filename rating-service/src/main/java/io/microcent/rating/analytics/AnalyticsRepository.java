package io.microcent.rating.analytics;

import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.rating.analytics.UsageBreakdown.ModelUsage;
import io.microcent.rating.rollups.HourlyKey;
import io.microcent.rating.rollups.UsageCounters;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static io.microcent.rating.db.Tables.USAGE_HOURLY;
import static org.jooq.impl.DSL.sum;

/** Queries of the hourly rollups ({@code rating.usage_hourly}) for analytics. */
public final class AnalyticsRepository {

    private static final Field<BigDecimal> REQUESTS = sum(USAGE_HOURLY.REQUESTS).as("requests");
    private static final Field<BigDecimal> INPUT_TOKENS = sum(USAGE_HOURLY.INPUT_TOKENS).as("input_tokens");
    private static final Field<BigDecimal> OUTPUT_TOKENS = sum(USAGE_HOURLY.OUTPUT_TOKENS).as("output_tokens");
    private static final Field<BigDecimal> CACHE_READ_TOKENS = sum(USAGE_HOURLY.CACHE_READ_TOKENS).as("cache_read_tokens");
    private static final Field<BigDecimal> CACHE_WRITE_TOKENS = sum(USAGE_HOURLY.CACHE_WRITE_TOKENS).as("cache_write_tokens");
    private static final Field<BigDecimal> COST = sum(USAGE_HOURLY.COST_MICROCENTS).as("cost_microcents");
    private static final Field<BigDecimal> CHARGE = sum(USAGE_HOURLY.CHARGE_MICROCENTS).as("charge_microcents");
    /** The summed columns, in the order of {@link #SUMS}; each sum is named as its column. */
    private static final List<TableField<?, Long>> COUNTERS = List.of(USAGE_HOURLY.REQUESTS, USAGE_HOURLY.INPUT_TOKENS,
            USAGE_HOURLY.OUTPUT_TOKENS, USAGE_HOURLY.CACHE_READ_TOKENS, USAGE_HOURLY.CACHE_WRITE_TOKENS,
            USAGE_HOURLY.COST_MICROCENTS, USAGE_HOURLY.CHARGE_MICROCENTS);
    private static final List<Field<BigDecimal>> SUMS =
            List.of(REQUESTS, INPUT_TOKENS, OUTPUT_TOKENS, CACHE_READ_TOKENS, CACHE_WRITE_TOKENS, COST, CHARGE);

    /**
     * Each tag of a row, as a table joined to it (a function in FROM sees the rows before it): a row with tags
     * once per tag, a row without any once, as {@link HourlyKey#ABSENT}.
     */
    static final Table<?> EACH_TAG_OF_ROW = DSL.table("unnest(case when cardinality({0}) = 0 then array[{1}]::text[] else {0} end)",
            USAGE_HOURLY.TAGS, DSL.inline(HourlyKey.ABSENT)).as("each_tag", "tag");
    static final Field<String> EACH_TAG = DSL.field(DSL.name("each_tag", "tag"), String.class);

    /**
     * The memory one sort or hash of an analytics statement may use. At PostgreSQL's default (4MB) a month of a
     * large customer's rows (hundreds of thousands) does not fit a hash table, so PostgreSQL sorts them instead,
     * on disk, comparing text by collation: several seconds instead of a fraction of one.
     */
    static final String WORK_MEM = "64MB";

    private final DSLContext db;

    public AnalyticsRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * The usage of each UTC day of the query's range per value of its dimension, one row each, in no order. By
     * tag, a row counts once under each of its tags ({@link HourlyKey#ABSENT} when it has none).
     */
    public List<DailyUsage> daily(ActivityQuery query) {
        Condition selected = selected(query.customer(), startOf(query.from()), startOf(query.to().plusDays(1)), query.filters());
        Field<String> dimension = query.groupBy() == GroupBy.TAG ? EACH_TAG : column(query.groupBy());
        var from = query.groupBy() == GroupBy.TAG ? USAGE_HOURLY.crossJoin(EACH_TAG_OF_ROW) : USAGE_HOURLY;
        return db.select(selecting(USAGE_HOURLY.DAY, dimension))
                .from(from)
                .where(selected)
                .groupBy(USAGE_HOURLY.DAY, dimension)
                .fetch(row -> new DailyUsage(row.get(USAGE_HOURLY.DAY), row.get(dimension), counters(row)));
    }

    /** The totals of each UTC day of the query's range that has usage, whatever it is grouped by. */
    public Map<LocalDate, UsageCounters> dailyTotals(ActivityQuery query) {
        Condition selected = selected(query.customer(), startOf(query.from()), startOf(query.to().plusDays(1)), query.filters());
        return db.select(selecting(USAGE_HOURLY.DAY))
                .from(USAGE_HOURLY)
                .where(selected)
                .groupBy(USAGE_HOURLY.DAY)
                .fetchMap(row -> row.get(USAGE_HOURLY.DAY), AnalyticsRepository::counters);
    }

    /**
     * The rows of {@code usage_hourly} a request reads: of the customer (all without one), with an hour in
     * {@code [from, to)}, passing every filter. An index on the customer (or, over all customers, the {@code (hour)}
     * index) finds them, or a scan when they are most of the table; the filters are checked on the rows found.
     */
    static Condition selected(Optional<CustomerId> customer, OffsetDateTime from, OffsetDateTime to, UsageFilters filters) {
        Condition selected = USAGE_HOURLY.HOUR.ge(from).and(USAGE_HOURLY.HOUR.lt(to))
                .and(customer.map(c -> USAGE_HOURLY.CUSTOMER.eq(c.raw())).orElse(DSL.noCondition()));
        for (Map.Entry<UsageFilter, Set<String>> filter : filters.values().entrySet()) {
            selected = selected.and(passes(filter.getKey(), filter.getValue()));
        }
        return selected;
    }

    /** One of the values (OR); for tags, one of the tags, or none at all for {@link HourlyKey#ABSENT}. */
    private static Condition passes(UsageFilter filter, Set<String> values) {
        if (filter != UsageFilter.TAG) {
            return filterColumn(filter).in(values);
        }
        List<String> tags = values.stream().filter(v -> !HourlyKey.ABSENT.equals(v)).toList();
        Condition anyOf = tags.isEmpty() ? DSL.falseCondition() : DSL.condition("{0} && cast({1} as text[])",
                USAGE_HOURLY.TAGS, DSL.val(tags.toArray(String[]::new)));
        return values.contains(HourlyKey.ABSENT) ? anyOf.or(DSL.cardinality(USAGE_HOURLY.TAGS).eq(0)) : anyOf;
    }

    /** A filter's column: the one of the grouping spelled alike ({@code apiKey}, {@code team}, …). */
    private static TableField<?, String> filterColumn(UsageFilter filter) {
        return column(GroupBy.parse(filter.parameter()).orElseThrow());
    }

    /** The customer's usage rated in the period, per provider and model, most expensive first. */
    public List<ModelUsage> byModel(CustomerId customer, BillingPeriod period) {
        return db.select(selecting(USAGE_HOURLY.MODEL, USAGE_HOURLY.PROVIDER))
                .from(USAGE_HOURLY)
                .where(USAGE_HOURLY.CUSTOMER.eq(customer.raw()))
                .and(USAGE_HOURLY.PERIOD.eq(period.toString()))
                .groupBy(USAGE_HOURLY.MODEL, USAGE_HOURLY.PROVIDER)
                .orderBy(COST.desc(), USAGE_HOURLY.MODEL, USAGE_HOURLY.PROVIDER)
                .fetch(row -> ModelUsage.of(row.get(USAGE_HOURLY.MODEL), row.get(USAGE_HOURLY.PROVIDER), counters(row)));
    }

    static TableField<?, String> column(GroupBy groupBy) {
        return switch (groupBy) {
            case MODEL -> USAGE_HOURLY.MODEL;
            case PROJECT -> USAGE_HOURLY.PROJECT;
            case API_KEY -> USAGE_HOURLY.API_KEY_ID;
            case COST_CENTER -> USAGE_HOURLY.COST_CENTER;
            case USER -> USAGE_HOURLY.USER_ID;
            case TEAM -> USAGE_HOURLY.TEAM;
            case CUSTOMER -> USAGE_HOURLY.CUSTOMER;
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
        for (TableField<?, Long> counter : COUNTERS) {
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
