package io.microcent.rating.rerate;

import io.microcent.model.money.Microcents;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.usage.ChargeAmount;
import io.microcent.model.usage.RatedUsage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * The figures of rated lines that re-rating replaces, for one event: its provider cost, its charge (in all
 * and charge by charge) and how its requests split between the plan's allowance and overage. Sums and
 * differences are exact, so corrections telescope per charge as they do in all.
 *
 * @param charges the amount per charge key, in the order the keys came (plan order); never a zero amount
 */
record RatedAmounts(Microcents cost, Microcents charge, long includedRequests, long overageRequests,
                    Map<String, Microcents> charges) {

    static final RatedAmounts NONE = new RatedAmounts(Microcents.ZERO, Microcents.ZERO, 0, 0, Map.of());

    RatedAmounts {
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(charge, "charge");
        charges = withoutZeros(charges);
    }

    /** @param plans the catalog a line written before lines carried their charges is read with */
    static RatedAmounts of(RatedUsage line, PlanCatalog plans) {
        Map<String, Microcents> charges = new LinkedHashMap<>();
        for (ChargeAmount amount : line.chargesOrLegacy(plans)) {
            charges.merge(amount.charge(), amount.chargeMicrocents(), Microcents::plus);
        }
        return new RatedAmounts(line.costMicrocents(), line.chargeMicrocents(), line.includedRequests(),
                line.overageRequests(), charges);
    }

    RatedAmounts plus(RatedAmounts other) {
        return new RatedAmounts(cost.plus(other.cost), charge.plus(other.charge),
                Math.addExact(includedRequests, other.includedRequests), Math.addExact(overageRequests, other.overageRequests),
                combined(charges, other.charges, Microcents::plus));
    }

    RatedAmounts minus(RatedAmounts other) {
        return new RatedAmounts(cost.minus(other.cost), charge.minus(other.charge),
                Math.subtractExact(includedRequests, other.includedRequests), Math.subtractExact(overageRequests, other.overageRequests),
                combined(charges, other.charges, Microcents::minus));
    }

    /** The charges as a correction carries them: with no quantity, which the event's first line counted. */
    List<ChargeAmount> chargeAmounts() {
        return charges.entrySet().stream().map(charge -> new ChargeAmount(charge.getKey(), 0, charge.getValue())).toList();
    }

    boolean isZero() {
        return equals(NONE);
    }

    /** Key by key, this side's keys first (so a correction keeps the new rating's plan order). */
    private static Map<String, Microcents> combined(Map<String, Microcents> left, Map<String, Microcents> right,
                                                    BinaryOperator<Microcents> operation) {
        Map<String, Microcents> result = new LinkedHashMap<>(left);
        right.forEach((key, amount) -> result.put(key, operation.apply(result.getOrDefault(key, Microcents.ZERO), amount)));
        return result;
    }

    private static Map<String, Microcents> withoutZeros(Map<String, Microcents> charges) {
        Map<String, Microcents> kept = new LinkedHashMap<>();
        charges.forEach((key, amount) -> {
            if (!amount.isZero()) {
                kept.put(key, amount);
            }
        });
        return Collections.unmodifiableMap(kept);
    }
}
