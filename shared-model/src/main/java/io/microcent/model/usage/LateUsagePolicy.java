package io.microcent.model.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a billing period stays open for late usage, and where late usage goes.
 *
 * <p>A period is <em>open</em> from its start until {@code grace} after its end. Three times meet here:
 * <ul>
 *   <li><b>event time</b> ({@code UsageEvent.timestamp}): when the call happened, as the sender says;</li>
 *   <li><b>ingest time</b> ({@code UsageEvent.ingestedAt}): when Microcent accepted it;</li>
 *   <li><b>period</b>: the month the usage is billed in.</li>
 * </ul>
 * Ingest refuses an event whose event time is before the oldest period still open at ingest time
 * ({@link #oldestOpenPeriod}). Rating bills an event in the period of its event time when that period was
 * still open at ingest time; otherwise (it closed between ingest and rating, e.g. a retry straddling the
 * deadline) in the period open at ingest time, as an adjustment ({@link #periodFor}). Both decisions use
 * ingest time, never the rating clock, so a replay rates every event exactly as the first time.
 */
public record LateUsagePolicy(Duration grace) {

    /** Two days after the month ends, late usage from gateways' retries and batch uploads still counts in its month. */
    public static final LateUsagePolicy DEFAULT = new LateUsagePolicy(Duration.ofHours(48));

    public LateUsagePolicy {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace cannot be negative");
        }
    }

    public boolean isOpen(BillingPeriod period, Instant at) {
        return at.isBefore(closesAt(period));
    }

    /** The first instant {@code period} takes no more usage: its end plus the grace. */
    public Instant closesAt(BillingPeriod period) {
        return period.endExclusive().plus(grace);
    }

    /** The oldest period that still takes usage at {@code now}: last month during the grace window, else this month. */
    public BillingPeriod oldestOpenPeriod(Instant now) {
        BillingPeriod current = BillingPeriod.containing(now);
        BillingPeriod previous = current.previous();
        return isOpen(previous, now) ? previous : current;
    }

    /** The period an event is billed in, decided from its event time and ingest time only. */
    public Placement periodFor(Instant eventTime, Instant ingestedAt) {
        BillingPeriod ofEvent = BillingPeriod.containing(eventTime);
        if (isOpen(ofEvent, ingestedAt)) {
            return new Placement(ofEvent, false);
        }
        return new Placement(BillingPeriod.containing(ingestedAt), true);
    }

    /**
     * @param adjustment true when the usage belongs to a closed period and is billed in a later one
     */
    public record Placement(BillingPeriod period, boolean adjustment) {
    }
}
