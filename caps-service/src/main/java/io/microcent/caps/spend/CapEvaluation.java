package io.microcent.caps.spend;

import io.microcent.model.caps.CapAlert;
import io.microcent.model.caps.CapAlertId;
import io.microcent.model.caps.CapDefinition;
import io.microcent.model.caps.CapMode;
import io.microcent.model.caps.CapPeriodId;
import io.microcent.model.caps.CapState;
import io.microcent.model.caps.CapStatus;
import io.microcent.model.money.Microcents;

import java.time.Instant;
import java.util.List;

/**
 * A cap checked against its spend in one period: its state (allowed or blocked) and the alerts of the
 * thresholds crossed for the first time in that period.
 *
 * @param fired the thresholds that have alerted in the period, these alerts included
 */
public record CapEvaluation(CapState state, List<CapAlert> alerts, FiredThresholds fired) {

    private static final int FULL = 100;

    /**
     * @param firedBefore the thresholds that alerted earlier in the period; they never alert again in it,
     *                    even if a raised amount brings the spend back below them
     * @param at          the Kafka timestamp of the record being processed
     */
    public static CapEvaluation of(CapDefinition cap, CapPeriodId period, Microcents spent, FiredThresholds firedBefore, Instant at) {
        Microcents limit = cap.amountMicrocents();
        CapStatus status = isBlocked(cap, spent) ? CapStatus.BLOCKED : CapStatus.ALLOWED;
        List<Integer> crossed = cap.thresholds().stream()
                .filter(percent -> !firedBefore.contains(percent))
                .filter(percent -> spent.compareTo(share(limit, percent)) >= 0)
                .toList();
        List<CapAlert> alerts = crossed.stream()
                .map(percent -> new CapAlert(new CapAlertId(cap.id(), period, percent), cap.id(), cap.customer(),
                        cap.scope(), cap.scopeId(), period, cap.measure(), cap.mode(), percent, spent, limit,
                        // the one alert that announces the block; lower thresholds crossed with it do not repeat it
                        cap.mode() == CapMode.HARD && percent == FULL, at))
                .toList();
        CapState state = new CapState(cap.id(), cap.customer(), cap.scope(), cap.scopeId(), period, cap.measure(),
                cap.mode(), spent, limit, status, at);
        return new CapEvaluation(state, alerts, crossed.isEmpty() ? firedBefore : firedBefore.with(crossed));
    }

    /** A hard cap blocks once its period's rated spend has reached its amount; a soft cap never blocks. */
    public static boolean isBlocked(CapDefinition cap, Microcents spent) {
        return cap.mode() == CapMode.HARD && spent.compareTo(cap.amountMicrocents()) >= 0;
    }

    /** {@code percent} % of {@code amount}, rounded up, computed without overflow for any amount. */
    static Microcents share(Microcents amount, int percent) {
        long whole = amount.value() / FULL;
        long rest = amount.value() % FULL;
        return Microcents.of(whole * percent + (rest * percent + FULL - 1) / FULL);
    }
}
