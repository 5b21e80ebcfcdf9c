package io.microcent.rating.rollups;

import io.microcent.model.money.Microcents;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;

import java.util.Objects;

/**
 * What rated usage adds up to: the counters of one {@code rating.usage_hourly} row, or of any sum of rows.
 *
 * @param cost   what the usage cost at the providers
 * @param charge what the customer owes for it under its plan
 */
public record UsageCounters(long requests, long inputTokens, long outputTokens, long cacheReadTokens,
                            long cacheWriteTokens, Microcents cost, Microcents charge) {

    public static final UsageCounters ZERO = new UsageCounters(0, 0, 0, 0, 0, Microcents.ZERO, Microcents.ZERO);

    public UsageCounters {
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(charge, "charge");
    }

    /** The counters of one rated event. */
    public static UsageCounters of(RatedUsage usage) {
        UsageEvent event = usage.event();
        return new UsageCounters(event.requests(), event.inputTokens(), event.outputTokens(), event.cacheReadTokens(),
                event.cacheWriteTokens(), usage.costMicrocents(), usage.chargeMicrocents());
    }

    /** Exact sums; an overflow throws rather than wraps. */
    public UsageCounters plus(UsageCounters other) {
        return new UsageCounters(
                Math.addExact(requests, other.requests),
                Math.addExact(inputTokens, other.inputTokens),
                Math.addExact(outputTokens, other.outputTokens),
                Math.addExact(cacheReadTokens, other.cacheReadTokens),
                Math.addExact(cacheWriteTokens, other.cacheWriteTokens),
                cost.plus(other.cost),
                charge.plus(other.charge));
    }

    /** Input, output, cache-read and cache-write tokens together. */
    public long totalTokens() {
        return Math.addExact(Math.addExact(inputTokens, outputTokens), Math.addExact(cacheReadTokens, cacheWriteTokens));
    }
}
