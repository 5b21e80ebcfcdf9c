package io.microcent.console.format;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Instants as people read them in tables: to the minute in UTC; the exact ISO text stays in the title. */
public final class Instants {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Instants() {
    }

    /** {@code 2026-12-02 02:15 UTC}; text that is no instant is shown as it is, blank as a dash. */
    public static String display(String iso) {
        if (iso == null || iso.isBlank()) {
            return "—";
        }
        try {
            return MINUTE.format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
