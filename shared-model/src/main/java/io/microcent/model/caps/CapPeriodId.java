package io.microcent.model.caps;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.microcent.model.id.IdRule;
import io.microcent.model.usage.BillingPeriod;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One period of a cap, in which its spend accumulates from zero: a calendar month, written {@code 2026-11}, or a
 * day, written {@code 2026-11-21}, both in UTC. Written so in keys, on topics and in API bodies. A new period
 * starts from zero simply because it is another period: nothing is ever reset.
 *
 * @param length how long the period is
 * @param start  its first day: the first of the month for a month
 */
public record CapPeriodId(CapPeriod length, LocalDate start) {

    public CapPeriodId {
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(start, "start");
        if (length == CapPeriod.MONTH && start.getDayOfMonth() != 1) {
            throw new IllegalArgumentException("a month period starts on the first of the month, got " + start);
        }
    }

    public static CapPeriodId month(BillingPeriod period) {
        return month(period.month());
    }

    public static CapPeriodId month(YearMonth month) {
        return new CapPeriodId(CapPeriod.MONTH, month.atDay(1));
    }

    public static CapPeriodId day(LocalDate day) {
        return new CapPeriodId(CapPeriod.DAY, day);
    }

    /** The period of that length containing {@code instant}: the current one for an authorization or a cap change. */
    public static CapPeriodId containing(CapPeriod length, Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        return switch (length) {
            case MONTH -> month(YearMonth.from(day));
            case DAY -> day(day);
        };
    }

    /**
     * Parses {@code 2026-11} (a month) or {@code 2026-11-21} (a day); throws {@link IllegalArgumentException}
     * naming both forms otherwise. Only the form {@link #toString()} writes is taken, so that what is read is
     * written back unchanged.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CapPeriodId parse(String text) {
        if (text != null) {
            try {
                CapPeriodId period = text.length() > "2026-11".length() ? day(LocalDate.parse(text)) : month(YearMonth.parse(text));
                if (period.toString().equals(text)) {
                    return period;
                }
            } catch (DateTimeParseException e) {
                // refused below with the forms allowed
            }
        }
        throw new IllegalArgumentException("a cap period must be a month like 2026-11 or a day like 2026-11-21, got "
                + (text == null ? "none" : "'" + IdRule.printable(text) + "'"));
    }

    /** {@code 2026-11} for a month, {@code 2026-11-21} for a day. */
    @JsonValue
    @Override
    public String toString() {
        return switch (length) {
            case MONTH -> YearMonth.from(start).toString();
            case DAY -> start.toString();
        };
    }
}
