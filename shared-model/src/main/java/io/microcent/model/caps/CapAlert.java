package io.microcent.model.caps;

import io.microcent.model.id.CapId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;

import java.time.Instant;
import java.util.Objects;

/**
 * A spend cap crossed one of its alert thresholds, as published once per cap, threshold and period on
 * {@code caps.alerts}. Alert delivery (webhooks) reads these; it never decides them.
 *
 * @param alertId          stable id of this alert: {@code <capId>|<period>|<thresholdPercent>}; the idempotency key of every delivery
 * @param capId            the cap that was crossed
 * @param scope            what the cap limits: {@code customer}, {@code project}, {@code costCenter}, {@code apiKey}, {@code user} or {@code team}
 * @param scopeId          which one, e.g. the project name
 * @param period           the cap's period the spend belongs to: {@code 2026-11} (month) or {@code 2026-11-21} (day)
 * @param measure          {@code charge} (what the customer owes) or {@code cost} (provider cost); may be absent,
 *                         as this contract always allowed
 * @param mode             {@code hard} (calls are blocked at the cap) or {@code soft} (alert only); may be absent,
 *                         as this contract always allowed
 * @param thresholdPercent the threshold crossed, e.g. 80
 * @param spentMicrocents  spend in the period when the threshold was crossed
 * @param limitMicrocents  the cap amount
 * @param blocked          true when a hard cap is reached: new calls in this scope are refused until the period ends
 * @param occurredAt       the ingest time of the usage that crossed the threshold
 */
public record CapAlert(
        CapAlertId alertId,
        CapId capId,
        CustomerId customer,
        CapScope scope,
        String scopeId,
        CapPeriodId period,
        CapMeasure measure,
        CapMode mode,
        int thresholdPercent,
        Microcents spentMicrocents,
        Microcents limitMicrocents,
        boolean blocked,
        Instant occurredAt) {

    public CapAlert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(capId, "capId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(scopeId, "scopeId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(spentMicrocents, "spentMicrocents");
        Objects.requireNonNull(limitMicrocents, "limitMicrocents");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
