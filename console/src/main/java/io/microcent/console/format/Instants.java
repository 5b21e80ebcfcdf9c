package io.microcent.console.format;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Instants from the APIs (ISO-8601, UTC) as people read them; the exact instant stays in the title. */
public final class Instants {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Instants() {
    }

    /** {@code 1 Dec 2026, 00:00 UTC}; text that is not an instant is shown as it came. */
    public static String readable(String iso) {
        try {
            return READABLE.format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
