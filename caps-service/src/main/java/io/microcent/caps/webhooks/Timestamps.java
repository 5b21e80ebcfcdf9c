package io.microcent.caps.webhooks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Between {@link Instant} (the code) and {@code TIMESTAMPTZ} columns as jOOQ maps them. */
final class Timestamps {

    private Timestamps() {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
