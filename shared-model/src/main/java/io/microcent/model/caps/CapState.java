package io.microcent.model.caps;

import io.microcent.model.id.CapId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;

import java.time.Instant;
import java.util.Objects;

/**
 * One cap's rated spend in one of its periods and whether new calls are allowed, as caps publishes it on
 * the compacted {@code caps.state} topic under {@link #key()}. A tombstone under that key means the cap
 * was deleted.
 *
 * @param period          the cap's period the spend belongs to: {@code 2026-11} (month) or {@code 2026-11-21} (day)
 * @param spentMicrocents the period's rated spend in the cap's scope and measure; reservations are not included
 * @param limitMicrocents the cap amount
 * @param updatedAt       the Kafka timestamp of the record that produced this state (a rated usage or a cap
 *                        change), not the wall clock, so replays publish the same states
 */
public record CapState(
        CapId capId,
        CustomerId customer,
        CapScope scope,
        String scopeId,
        CapPeriodId period,
        CapMeasure measure,
        CapMode mode,
        Microcents spentMicrocents,
        Microcents limitMicrocents,
        CapStatus status,
        Instant updatedAt) {

    public CapState {
        Objects.requireNonNull(capId, "capId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(scopeId, "scopeId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(spentMicrocents, "spentMicrocents");
        Objects.requireNonNull(limitMicrocents, "limitMicrocents");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The {@code caps.state} key of a cap in one period: {@code <capId>|<period>}, e.g. {@code cap_1f…|2026-11}. */
    public static CapPeriodKey keyOf(CapId capId, CapPeriodId period) {
        return new CapPeriodKey(capId, period);
    }

    public CapPeriodKey key() {
        return keyOf(capId, period);
    }
}
