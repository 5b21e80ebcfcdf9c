package io.microcent.caps.spend;

import io.microcent.model.id.PlanId;
import io.microcent.model.plan.pricing.MeterTotals;
import io.microcent.model.usage.RatedUsage;

import java.util.Objects;

/**
 * A customer's rated quantities in one billing period, as its plan prices them, kept in
 * {@link SpendTopology#METERS_STORE} so that {@code /v1/authorize} can tell what a call would be charged
 * (within an allowance or beyond it).
 *
 * @param plan the plan the period's latest usage was rated under; {@code null} before any
 */
public record PeriodMeters(PlanId plan, MeterTotals totals) {

    public static final PeriodMeters NONE = new PeriodMeters(null, MeterTotals.NONE);

    public PeriodMeters {
        Objects.requireNonNull(totals, "totals");
    }

    public static PeriodMeters orNone(PeriodMeters meters) {
        return meters != null ? meters : NONE;
    }

    /** These meters with {@code usage} counted; throws {@link ArithmeticException} when a total overflows. */
    public PeriodMeters plus(RatedUsage usage) {
        return new PeriodMeters(usage.plan(), totals.plus(usage.event()));
    }
}
