package io.microcent.invoicing.generate;

import io.microcent.model.usage.BillingPeriod;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A stretch of time, start inclusive, end exclusive, measured in whole seconds for proration. */
public record Span(Instant from, Instant to) {

    public Span {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a span cannot end before it starts: " + from + " → " + to);
        }
    }

    public static Span of(BillingPeriod period) {
        return new Span(period.start(), period.endExclusive());
    }

    public long seconds() {
        return Duration.between(from, to).toSeconds();
    }

    /** The seconds this span and {@code other} share, 0 when they do not meet. */
    public long overlapSeconds(Span other) {
        Instant start = from.isAfter(other.from) ? from : other.from;
        Instant end = to.isBefore(other.to) ? to : other.to;
        return start.isBefore(end) ? Duration.between(start, end).toSeconds() : 0;
    }

    public boolean isEmpty() {
        return !from.isBefore(to);
    }
}
