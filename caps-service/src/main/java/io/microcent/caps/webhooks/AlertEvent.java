package io.microcent.caps.webhooks;

import io.microcent.model.caps.CapAlert;
import io.microcent.model.caps.CapAlertId;

import java.time.Instant;

/**
 * The body of a {@code json} webhook: {@code {"id", "type", "createdAt", "data"}}.
 *
 * @param id        the alert id, also sent as {@code Microcent-Event-Id}
 * @param type      {@value #BLOCKED} when a hard cap now refuses calls, {@value #THRESHOLD_CROSSED} otherwise
 * @param createdAt when the alert happened ({@link CapAlert#occurredAt()}), not when it was sent
 * @param data      the alert as published on {@code caps.alerts}
 */
public record AlertEvent(CapAlertId id, String type, Instant createdAt, CapAlert data) {

    public static final String THRESHOLD_CROSSED = "cap.threshold_crossed";
    public static final String BLOCKED = "cap.blocked";

    public static AlertEvent of(CapAlert alert) {
        return new AlertEvent(alert.alertId(), typeOf(alert), alert.occurredAt(), alert);
    }

    public static String typeOf(CapAlert alert) {
        return alert.blocked() ? BLOCKED : THRESHOLD_CROSSED;
    }
}
