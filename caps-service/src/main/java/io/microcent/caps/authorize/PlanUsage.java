package io.microcent.caps.authorize;

import io.microcent.model.id.PlanId;
import io.microcent.model.plan.pricing.MeterTotals;

import java.util.Objects;

/**
 * What a customer's plan has already counted in the current billing period, as a charge estimate needs it.
 *
 * @param plan   the plan its latest usage of the period was rated under; {@code null} before any usage of
 *               the period was rated (then every plan of the catalog is considered)
 * @param before the period's rated quantities plus those of the calls still reserved, so that calls in
 *               flight together use up an allowance together
 */
public record PlanUsage(PlanId plan, MeterTotals before) {

    public PlanUsage {
        Objects.requireNonNull(before, "before");
    }
}
