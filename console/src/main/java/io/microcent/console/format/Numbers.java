package io.microcent.console.format;

import java.util.Locale;

/** Counts as people read them. */
public final class Numbers {

    private Numbers() {
    }

    /** {@code 1,234,567}. */
    public static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code 1.2M}, {@code 45.3K}: for cards and axes; the exact count stays in the title. */
    public static String compact(long value) {
        long magnitude = Math.abs(value);
        if (magnitude < 10_000) {
            return grouped(value);
        }
        if (magnitude < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fK", value / 1_000.0);
        }
        if (magnitude < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1fM", value / 1_000_000.0);
        }
        return String.format(Locale.ROOT, "%.1fB", value / 1_000_000_000.0);
    }
}
