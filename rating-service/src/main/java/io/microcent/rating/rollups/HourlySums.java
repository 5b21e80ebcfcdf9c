package io.microcent.rating.rollups;

import io.microcent.model.usage.RatedUsage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A batch of rated usage summed per {@link HourlyKey} in memory, so that the database sees one upsert per
 * distinct row however many events of the batch fall into it (at full load most events of a poll share
 * their customer, hour and dimensions with others).
 */
public final class HourlySums {

    private HourlySums() {
    }

    /** The sums per row, in the order each row first appears; missing values (tombstones) are skipped. */
    public static Map<HourlyKey, UsageCounters> of(Iterable<RatedUsage> batch) {
        Map<HourlyKey, UsageCounters> sums = new LinkedHashMap<>();
        for (RatedUsage usage : batch) {
            if (usage != null) {
                sums.merge(HourlyKey.of(usage), UsageCounters.of(usage), UsageCounters::plus);
            }
        }
        return sums;
    }
}
