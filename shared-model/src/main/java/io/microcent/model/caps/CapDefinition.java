package io.microcent.model.caps;

import io.microcent.model.id.CapId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;

import java.util.List;
import java.util.Objects;

/**
 * One spend cap as caps-service decided it, as the caps topology reads it from {@code caps.definitions}
 * (inside the customer's {@link CustomerCaps}).
 *
 * @param scopeId          which scope: the customer id itself for {@link CapScope#CUSTOMER}, otherwise the
 *                         project, cost center, API key id, user or team as usage events carry it
 * @param amountMicrocents the cap: spend in one period may reach it, never pass it (hard caps)
 * @param thresholds       the percentages of the amount that raise an alert once per period, ascending,
 *                         each 1–100
 */
public record CapDefinition(
        CapId id,
        CustomerId customer,
        CapScope scope,
        String scopeId,
        Microcents amountMicrocents,
        CapPeriod period,
        CapMeasure measure,
        CapMode mode,
        List<Integer> thresholds) {

    public CapDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(scopeId, "scopeId");
        Objects.requireNonNull(amountMicrocents, "amountMicrocents");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(mode, "mode");
        thresholds = List.copyOf(thresholds);
        if (amountMicrocents.value() <= 0) {
            throw new IllegalArgumentException("a cap amount must be positive, got " + amountMicrocents);
        }
        for (int i = 0; i < thresholds.size(); i++) {
            int percent = thresholds.get(i);
            if (percent < 1 || percent > 100 || (i > 0 && percent <= thresholds.get(i - 1))) {
                throw new IllegalArgumentException("thresholds must be ascending percentages 1-100, got " + thresholds);
            }
        }
    }
}
