package io.microcent.caps.write;

import io.microcent.model.caps.CapMode;
import io.microcent.model.money.Microcents;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What an operator may change on a cap: its amount, its mode and its alert thresholds.
 *
 * <p>The rule for thresholds lives here: they are kept ascending and without repeats, and a hard cap
 * always alerts at 100 %, because that is when it starts blocking calls. Blocking itself does not depend
 * on the thresholds: a hard cap blocks at its amount whatever they are.
 */
public record CapSettings(Microcents amount, CapMode mode, List<Integer> thresholds) {

    /** The most alert thresholds one cap may have. */
    public static final int MAX_THRESHOLDS = 10;

    /** Alerts at half, four fifths and all of the amount, unless the operator says otherwise. */
    public static final List<Integer> DEFAULT_THRESHOLDS = List.of(50, 80, 100);
    public static final int FULL = 100;

    public CapSettings {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(mode, "mode");
        TreeSet<Integer> normalized = new TreeSet<>(thresholds);
        if (mode == CapMode.HARD) {
            normalized.add(FULL);
        }
        thresholds = List.copyOf(normalized);
    }

    /** These settings with each part the caller gives replaced; {@code null} keeps the current part. */
    public CapSettings with(Microcents newAmount, CapMode newMode, List<Integer> newThresholds) {
        return new CapSettings(newAmount != null ? newAmount : amount, newMode != null ? newMode : mode,
                newThresholds != null ? newThresholds : thresholds);
    }
}
