package io.microcent.rating.analytics;

import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.rating.analytics.UsageBreakdown.ModelUsage;
import io.microcent.rating.rollups.UsageCounters;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.TableField;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

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
    private static final List<Field<BigDecimal>> SUMS =
            List.of(REQUESTS, INPUT_TOKENS, OUTPUT_TOKENS, CACHE_READ_TOKENS, CACHE_WRITE_TOKENS, COST, CHARGE);

    private final DSLContext db;

    public AnalyticsRepository(DSLContext db) {
        this.db = db;
    }

    /** The usage of each UTC day of the query's range per value of its dimension, one row each, in no order. */
    public List<DailyUsage> daily(ActivityQuery query) {
        TableField<?, String> dimension = column(query.groupBy());
        Condition inRange = USAGE_HOURLY.HOUR.ge(startOf(query.from()))
                .and(USAGE_HOURLY.HOUR.lt(startOf(query.to().plusDays(1))));
        Condition ofCustomer = query.customer().map(c -> USAGE_HOURLY.CUSTOMER.eq(c.raw())).orElse(DSL.noCondition());
        return db.select(selecting(USAGE_HOURLY.DAY, dimension))
                .from(USAGE_HOURLY)
                .where(inRange).and(ofCustomer)
                .groupBy(USAGE_HOURLY.DAY, dimension)
                .fetch(row -> new DailyUsage(row.get(USAGE_HOURLY.DAY), row.get(dimension), counters(row)));
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

    private static TableField<?, String> column(GroupBy groupBy) {
        return switch (groupBy) {
            case MODEL -> USAGE_HOURLY.MODEL;
            case PROJECT -> USAGE_HOURLY.PROJECT;
            case API_KEY -> USAGE_HOURLY.API_KEY_ID;
            case COST_CENTER -> USAGE_HOURLY.COST_CENTER;
            case USER -> USAGE_HOURLY.USER_ID;
            case TEAM -> USAGE_HOURLY.TEAM;
        };
    }

    private static List<SelectField<?>> selecting(Field<?>... groups) {
        List<SelectField<?>> fields = new ArrayList<>(List.of(groups));
        fields.addAll(SUMS);
        return fields;
    }

    private static UsageCounters counters(Record row) {
        return new UsageCounters(whole(row, REQUESTS), whole(row, INPUT_TOKENS), whole(row, OUTPUT_TOKENS),
                whole(row, CACHE_READ_TOKENS), whole(row, CACHE_WRITE_TOKENS),
                Microcents.of(whole(row, COST)), Microcents.of(whole(row, CHARGE)));
    }

    /** PostgreSQL sums bigints as numeric; the sums of whole counters are whole and must fit a long. */
    private static long whole(Record row, Field<BigDecimal> sum) {
        return row.get(sum).longValueExact();
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
