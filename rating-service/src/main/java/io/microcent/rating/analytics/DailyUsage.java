package io.microcent.rating.analytics;

import io.microcent.rating.rollups.UsageCounters;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The usage of one UTC day under one value of the grouped dimension, as the rollups sum it.
 *
 * @param value the dimension's stored value; {@link io.microcent.rating.rollups.HourlyKey#ABSENT} when the usage did not name it
 */
public record DailyUsage(LocalDate day, String value, UsageCounters counters) {

    public DailyUsage {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(counters, "counters");
    }
}
