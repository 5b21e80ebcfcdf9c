package io.microcent.caps.spend;

import io.microcent.model.caps.CapPeriod;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.RatedUsage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Which period of a cap a spend belongs to, written as it appears in keys and on topics: {@code 2026-11}
 * for a month, {@code 2026-11-21} for a day, both in UTC. A new period starts from zero at its first
 * instant simply because its key is new: nothing is ever reset.
 *
 * <ul>
 *   <li>Month caps count a usage in {@link RatedUsage#period()}, the billing period rating gave it (from its
 *       event time, or the open period for late usage), so a month cap and the invoice agree.</li>
 *   <li>Day caps count it on the UTC day of its event time ({@code UsageEvent.timestamp}).</li>
 * </ul>
 */
public final class PeriodKeys {

    private PeriodKeys() {
    }

    public static String of(CapPeriod period, RatedUsage usage) {
        return switch (period) {
            case MONTH -> usage.period().toString();
            case DAY -> day(usage.event().timestamp());
        };
    }

    /** The period containing {@code instant}: the current one for an authorization or a cap change. */
    public static String at(CapPeriod period, Instant instant) {
        return switch (period) {
            case MONTH -> BillingPeriod.containing(instant).toString();
            case DAY -> day(instant);
        };
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
