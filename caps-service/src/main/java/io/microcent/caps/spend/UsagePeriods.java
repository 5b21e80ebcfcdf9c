package io.microcent.caps.spend;

import io.microcent.model.caps.CapPeriod;
import io.microcent.model.caps.CapPeriodId;
import io.microcent.model.usage.RatedUsage;

/**
 * Which period of a cap a rated usage is counted in ({@link CapPeriodId}: {@code 2026-11} for a month,
 * {@code 2026-11-21} for a day, both in UTC). The current period of an authorization or a cap change is
 * {@link CapPeriodId#containing}.
 *
 * <ul>
 *   <li>Month caps count a usage in {@link RatedUsage#period()}, the billing period rating gave it (from its
 *       event time, or the open period for late usage), so a month cap and the invoice agree.</li>
 *   <li>Day caps count it on the UTC day of its event time ({@code UsageEvent.timestamp}).</li>
 * </ul>
 */
public final class UsagePeriods {

    private UsagePeriods() {
    }

    public static CapPeriodId of(CapPeriod period, RatedUsage usage) {
        return switch (period) {
            case MONTH -> CapPeriodId.month(usage.period());
            case DAY -> CapPeriodId.containing(CapPeriod.DAY, usage.event().timestamp());
        };
    }
}
