package io.microcent.rating.analytics;

import io.microcent.model.id.CustomerId;
import io.microcent.rating.rollups.HourlyKey;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.microcent.rating.db.Tables.USAGE_DAILY;
import static io.microcent.rating.db.Tables.USAGE_HOURLY;

/**
 * The rollup rows a range reads, as one table named {@value #NAME} whatever it is made of: the whole UTC days of the
 * range from {@code usage_daily} (a year is 365 rows per key instead of 8,760) and the hours before the first and
 * after the last whole day from {@code usage_hourly}. A range without a whole day, or one that is bucketed by hour,
 * reads {@code usage_hourly} only. Both tables hold the same usage (the projection writes them in one statement), so
 * either way the sums are the same. Statements read the columns below, never a table's own.
 */
final class RollupRows {

    /** Which tables a range is read from. */
    enum Routing {
        /** {@code usage_daily} for the whole days, {@code usage_hourly} for the hours at the edges. */
        DAILY_WHERE_WHOLE,
        /** {@code usage_hourly} only: what the daily routing must always agree with. */
        HOURLY_ONLY
    }

    static final String NAME = "rollup";

    static final Field<String> CUSTOMER = column(USAGE_HOURLY.CUSTOMER);
    static final Field<LocalDate> DAY = column(USAGE_HOURLY.DAY);
    /** Only when the rows are read {@link #of hourly}. */
    static final Field<OffsetDateTime> HOUR = column(USAGE_HOURLY.HOUR);
    static final Field<String> PERIOD = column(USAGE_HOURLY.PERIOD);
    static final Field<String> PROJECT = column(USAGE_HOURLY.PROJECT);
    static final Field<String> COST_CENTER = column(USAGE_HOURLY.COST_CENTER);
    static final Field<String> API_KEY_ID = column(USAGE_HOURLY.API_KEY_ID);
    static final Field<String> USER_ID = column(USAGE_HOURLY.USER_ID);
    static final Field<String> TEAM = column(USAGE_HOURLY.TEAM);
    static final Field<String> PROVIDER = column(USAGE_HOURLY.PROVIDER);
    static final Field<String> MODEL = column(USAGE_HOURLY.MODEL);
    static final Field<String[]> TAGS = column(USAGE_HOURLY.TAGS);
    static final Field<Long> REQUESTS = column(USAGE_HOURLY.REQUESTS);
    static final Field<Long> INPUT_TOKENS = column(USAGE_HOURLY.INPUT_TOKENS);
    static final Field<Long> OUTPUT_TOKENS = column(USAGE_HOURLY.OUTPUT_TOKENS);
    static final Field<Long> CACHE_READ_TOKENS = column(USAGE_HOURLY.CACHE_READ_TOKENS);
    static final Field<Long> CACHE_WRITE_TOKENS = column(USAGE_HOURLY.CACHE_WRITE_TOKENS);
    static final Field<Long> COST_MICROCENTS = column(USAGE_HOURLY.COST_MICROCENTS);
    static final Field<Long> CHARGE_MICROCENTS = column(USAGE_HOURLY.CHARGE_MICROCENTS);

    /** The columns both tables have, in the order each part of the union selects them. */
    private static final List<TableField<?, ?>> SHARED = List.of(USAGE_HOURLY.CUSTOMER, USAGE_HOURLY.DAY,
            USAGE_HOURLY.PERIOD, USAGE_HOURLY.PROJECT, USAGE_HOURLY.COST_CENTER, USAGE_HOURLY.API_KEY_ID,
            USAGE_HOURLY.USER_ID, USAGE_HOURLY.TEAM, USAGE_HOURLY.PROVIDER, USAGE_HOURLY.MODEL, USAGE_HOURLY.TAGS,
            USAGE_HOURLY.REQUESTS, USAGE_HOURLY.INPUT_TOKENS, USAGE_HOURLY.OUTPUT_TOKENS, USAGE_HOURLY.CACHE_READ_TOKENS,
            USAGE_HOURLY.CACHE_WRITE_TOKENS, USAGE_HOURLY.COST_MICROCENTS, USAGE_HOURLY.CHARGE_MICROCENTS);

    private RollupRows() {
    }

    /**
     * The rows of the customer (all without one) in the whole hours {@code [from, to)} that pass every filter. Each
     * part finds its rows by the {@code (customer, …)} key of its table (or, over all customers, its time index) and
     * checks the filters on them.
     *
     * @param hourly whether statements read {@link #HOUR}: then the rows are {@code usage_hourly}'s only
     */
    static Table<?> of(Routing routing, Optional<CustomerId> customer, OffsetDateTime from, OffsetDateTime to,
                       UsageFilters filters, boolean hourly) {
        OffsetDateTime firstWholeDay = from.truncatedTo(ChronoUnit.DAYS).equals(from) ? from : from.truncatedTo(ChronoUnit.DAYS).plusDays(1);
        OffsetDateTime endOfWholeDays = to.truncatedTo(ChronoUnit.DAYS);
        if (hourly || routing == Routing.HOURLY_ONLY || !firstWholeDay.isBefore(endOfWholeDays)) {
            return DSL.selectFrom(USAGE_HOURLY).where(hours(from, to)).and(passing(USAGE_HOURLY, customer, filters)).asTable(NAME);
        }
        List<Select<?>> parts = new ArrayList<>();
        parts.add(DSL.select(shared(USAGE_DAILY)).from(USAGE_DAILY)
                .where(USAGE_DAILY.DAY.ge(firstWholeDay.toLocalDate()).and(USAGE_DAILY.DAY.lt(endOfWholeDays.toLocalDate())))
                .and(passing(USAGE_DAILY, customer, filters)));
        if (from.isBefore(firstWholeDay)) {
            parts.add(DSL.select(shared(USAGE_HOURLY)).from(USAGE_HOURLY).where(hours(from, firstWholeDay))
                    .and(passing(USAGE_HOURLY, customer, filters)));
        }
        if (endOfWholeDays.isBefore(to)) {
            parts.add(DSL.select(shared(USAGE_HOURLY)).from(USAGE_HOURLY).where(hours(endOfWholeDays, to))
                    .and(passing(USAGE_HOURLY, customer, filters)));
        }
        @SuppressWarnings("unchecked")
        Select<org.jooq.Record> union = (Select<org.jooq.Record>) parts.getFirst();
        for (Select<?> part : parts.subList(1, parts.size())) {
            union = union.unionAll((Select<org.jooq.Record>) part);
        }
        return union.asTable(NAME);
    }

    /** The rows of the customer rated in the period: all days of it, so {@code usage_daily}'s when routed there. */
    static Table<?> ofPeriod(Routing routing, CustomerId customer, String period) {
        Table<?> table = routing == Routing.HOURLY_ONLY ? USAGE_HOURLY : USAGE_DAILY;
        return DSL.selectFrom(table).where(table.field(USAGE_HOURLY.CUSTOMER.getName(), String.class).eq(customer.raw()))
                .and(table.field(USAGE_HOURLY.PERIOD.getName(), String.class).eq(period)).asTable(NAME);
    }

    private static Condition hours(OffsetDateTime from, OffsetDateTime to) {
        return USAGE_HOURLY.HOUR.ge(from).and(USAGE_HOURLY.HOUR.lt(to));
    }

    private static List<SelectField<?>> shared(Table<?> table) {
        return SHARED.stream().<SelectField<?>>map(column -> table.field(column.getName())).toList();
    }

    private static Condition passing(Table<?> table, Optional<CustomerId> customer, UsageFilters filters) {
        Condition selected = customer.map(c -> table.field(USAGE_HOURLY.CUSTOMER.getName(), String.class).eq(c.raw()))
                .orElse(DSL.noCondition());
        for (Map.Entry<UsageFilter, Set<String>> filter : filters.values().entrySet()) {
            selected = selected.and(passes(table, filter.getKey(), filter.getValue()));
        }
        return selected;
    }

    /** One of the values (OR); for tags, one of the tags, or none at all for {@link HourlyKey#ABSENT}. */
    private static Condition passes(Table<?> table, UsageFilter filter, Set<String> values) {
        if (filter != UsageFilter.TAG) {
            String column = AnalyticsRepository.column(GroupBy.parse(filter.parameter()).orElseThrow()).getName();
            return table.field(column, String.class).in(values);
        }
        Field<String[]> tags = table.field(USAGE_HOURLY.TAGS.getName(), String[].class);
        List<String> named = values.stream().filter(v -> !HourlyKey.ABSENT.equals(v)).toList();
        Condition anyOf = named.isEmpty() ? DSL.falseCondition() : DSL.condition("{0} && cast({1} as text[])",
                tags, DSL.val(named.toArray(String[]::new)));
        return values.contains(HourlyKey.ABSENT) ? anyOf.or(DSL.cardinality(tags).eq(0)) : anyOf;
    }

    private static <T> Field<T> column(TableField<?, T> column) {
        return DSL.field(DSL.name(NAME, column.getName()), column.getDataType());
    }
}
