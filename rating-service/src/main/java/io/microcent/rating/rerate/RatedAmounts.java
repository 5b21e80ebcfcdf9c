package io.microcent.rating.rerate;

import io.microcent.model.money.Microcents;
import io.microcent.model.usage.RatedUsage;

import java.util.Objects;

/**
 * The figures of rated lines that re-rating replaces, for one event: its provider cost, its charge and
 * how its requests split between the plan's allowance and overage. Sums and differences are exact.
 */
record RatedAmounts(Microcents cost, Microcents charge, long includedRequests, long overageRequests) {

    static final RatedAmounts NONE = new RatedAmounts(Microcents.ZERO, Microcents.ZERO, 0, 0);

    RatedAmounts {
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(charge, "charge");
    }

    static RatedAmounts of(RatedUsage line) {
        return new RatedAmounts(line.costMicrocents(), line.chargeMicrocents(), line.includedRequests(), line.overageRequests());
    }

    RatedAmounts plus(RatedAmounts other) {
        return new RatedAmounts(cost.plus(other.cost), charge.plus(other.charge),
                Math.addExact(includedRequests, other.includedRequests), Math.addExact(overageRequests, other.overageRequests));
    }

    RatedAmounts minus(RatedAmounts other) {
        return new RatedAmounts(cost.minus(other.cost), charge.minus(other.charge),
                Math.subtractExact(includedRequests, other.includedRequests), Math.subtractExact(overageRequests, other.overageRequests));
    }

    boolean isZero() {
        return equals(NONE);
    }
}
