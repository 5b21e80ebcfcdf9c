package io.microcent.model.usage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A usage period: a calendar month in UTC, written {@code 2026-11}. It starts at its first instant
 * (inclusive) and ends at the first instant of the next month (exclusive).
 */
public record BillingPeriod(YearMonth month) implements Comparable<BillingPeriod> {

    public BillingPeriod {
        Objects.requireNonNull(month, "month");
    }

    public static BillingPeriod containing(Instant instant) {
        return new BillingPeriod(YearMonth.from(instant.atOffset(ZoneOffset.UTC)));
    }

    /** Parses {@code YYYY-MM}; throws {@link IllegalArgumentException} for anything else. */
    @JsonCreator
    public static BillingPeriod parse(String text) {
        try {
            return new BillingPeriod(YearMonth.parse(Objects.requireNonNull(text, "period")));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("period must look like 2026-11, got '" + text + "'", e);
        }
    }

    public Instant start() {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public Instant endExclusive() {
        return next().start();
    }

    public BillingPeriod next() {
        return new BillingPeriod(month.plusMonths(1));
    }

    public BillingPeriod previous() {
        return new BillingPeriod(month.minusMonths(1));
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(endExclusive());
    }

    @JsonValue
    @Override
    public String toString() {
        return month.toString();
    }

    @Override
    public int compareTo(BillingPeriod other) {
        return month.compareTo(other.month);
    }
}
