package io.microcent.caps.authorize;

import io.microcent.caps.spend.CapEvaluation;
import io.microcent.model.caps.CapDefinition;
import io.microcent.model.caps.CapMode;
import io.microcent.model.caps.CapPeriodId;
import io.microcent.model.caps.CapPeriodKey;
import io.microcent.model.caps.CapState;
import io.microcent.model.caps.CapStatus;
import io.microcent.model.money.Microcents;

/**
 * Where a cap stands in its current period: rated spend and what open reservations hold against it.
 *
 * @param period the current period, e.g. {@code 2026-11} or {@code 2026-11-21}
 */
public record CapStanding(CapDefinition cap, CapPeriodId period, Microcents spent, Microcents reserved) {

    /** The status of the period's rated spend, as {@code caps.state} publishes it. */
    public CapStatus status() {
        return CapEvaluation.isBlocked(cap, spent) ? CapStatus.BLOCKED : CapStatus.ALLOWED;
    }

    /**
     * Whether a call that may cost {@code worstCase} fits: always under a soft cap; under a hard cap only
     * if it is not blocked and spend plus every open reservation plus this call stays within the amount.
     */
    public boolean admits(Microcents worstCase) {
        return cap.mode() == CapMode.SOFT
                || (status() == CapStatus.ALLOWED && !spent.plus(reserved).plus(worstCase).isGreaterThan(cap.amountMicrocents()));
    }

    /** What is left of the amount after spend and reservations; never below zero. */
    public Microcents remaining() {
        return Microcents.max(Microcents.ZERO, cap.amountMicrocents().minus(spent).minus(reserved));
    }

    /** This standing with one more reservation. */
    public CapStanding plusReserved(Microcents amount) {
        return new CapStanding(cap, period, spent, reserved.plus(amount));
    }

    /** The cap in this period: what reservations are held against. */
    public CapPeriodKey capPeriod() {
        return CapState.keyOf(cap.id(), period);
    }
}
