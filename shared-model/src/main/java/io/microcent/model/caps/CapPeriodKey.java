package io.microcent.model.caps;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.microcent.model.id.CapId;

import java.util.Objects;

/**
 * One cap in one of its periods, written {@code <capId>|<period>}, e.g. {@code cap_1f…|2026-11}: the key of the
 * cap's state on {@code caps.state}, of the thresholds it fired in the period, and of what a {@link Reservation}
 * holds against it. Cap ids never contain {@code |} and periods neither, so the text reads back unambiguously.
 */
public record CapPeriodKey(CapId cap, CapPeriodId period) {

    public CapPeriodKey {
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(period, "period");
    }

    /**
     * Parses {@code <capId>|<period>}; throws {@link IllegalArgumentException} saying which part is wrong otherwise.
     * Also reads JSON map keys ({@link Reservation#holds()}): Jackson takes a single-text creator for them.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CapPeriodKey parse(String text) {
        KeyText key = KeyText.split("a cap period key", "<capId>|<period>", text, 2);
        return new CapPeriodKey(key.part(0, CapId::of), key.part(1, CapPeriodId::parse));
    }

    /** {@code <capId>|<period>}; also the JSON map key (Jackson writes {@code @JsonValue} there). */
    @JsonValue
    @Override
    public String toString() {
        return cap.raw() + '|' + period;
    }
}
