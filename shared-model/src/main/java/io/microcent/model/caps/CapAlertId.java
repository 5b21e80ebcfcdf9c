package io.microcent.model.caps;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.microcent.model.id.CapId;
import io.microcent.model.id.IdRule;

import java.util.Objects;

/**
 * The stable id of a {@link CapAlert}, written {@code <capId>|<period>|<thresholdPercent>}, e.g.
 * {@code cap_1f…|2026-11|80}: a cap alerts once per threshold and period, so this is the idempotency key of
 * every delivery of the alert.
 *
 * @param thresholdPercent the threshold crossed, 1–100
 */
public record CapAlertId(CapId cap, CapPeriodId period, int thresholdPercent) {

    public CapAlertId {
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(period, "period");
        if (thresholdPercent < 1 || thresholdPercent > 100) {
            throw new IllegalArgumentException("a threshold must be a percentage 1-100, got " + thresholdPercent);
        }
    }

    /** Parses {@code <capId>|<period>|<thresholdPercent>}; throws {@link IllegalArgumentException} saying which part is wrong otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CapAlertId parse(String text) {
        KeyText id = KeyText.split("a cap alert id", "<capId>|<period>|<thresholdPercent>", text, 3);
        return new CapAlertId(id.part(0, CapId::of), id.part(1, CapPeriodId::parse), id.part(2, CapAlertId::percent));
    }

    /** The cap in the period the alert is about. */
    public CapPeriodKey capPeriod() {
        return new CapPeriodKey(cap, period);
    }

    @JsonValue
    @Override
    public String toString() {
        return cap.raw() + '|' + period + '|' + thresholdPercent;
    }

    /** A percentage as {@link #toString()} writes it (no sign, no leading zero), so that what is read is written back unchanged. */
    private static int percent(String text) {
        if (!text.matches("[1-9][0-9]?|100")) {
            throw new IllegalArgumentException("the threshold must be a whole percentage 1-100, got '" + IdRule.printable(text) + "'");
        }
        return Integer.parseInt(text);
    }
}
