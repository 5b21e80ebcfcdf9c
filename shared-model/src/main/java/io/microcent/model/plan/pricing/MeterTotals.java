package io.microcent.model.plan.pricing;

import io.microcent.model.plan.Meter;
import io.microcent.model.usage.UsageEvent;

/**
 * A customer's running quantities in one billing period, one per {@link Meter}: what each charge of a
 * plan prices. Every meter is counted whatever the plan, so a customer who changes plan mid-period is
 * priced on the period's real totals.
 */
public record MeterTotals(long requests, long inputTokens, long outputTokens, long totalTokens) {

    /** A period with no usage yet. */
    public static final MeterTotals NONE = new MeterTotals(0, 0, 0, 0);

    public long of(Meter meter) {
        return switch (meter) {
            case REQUESTS -> requests;
            case INPUT_TOKENS -> inputTokens;
            case OUTPUT_TOKENS -> outputTokens;
            case TOTAL_TOKENS -> totalTokens;
        };
    }

    /**
     * These totals with {@code event} counted.
     *
     * @throws ArithmeticException when a total would overflow
     */
    public MeterTotals plus(UsageEvent event) {
        return new MeterTotals(
                add(Meter.REQUESTS, event),
                add(Meter.INPUT_TOKENS, event),
                add(Meter.OUTPUT_TOKENS, event),
                add(Meter.TOTAL_TOKENS, event));
    }

    /** These totals and {@code other} together; throws {@link ArithmeticException} when a total overflows. */
    public MeterTotals plus(MeterTotals other) {
        return new MeterTotals(Math.addExact(requests, other.requests), Math.addExact(inputTokens, other.inputTokens),
                Math.addExact(outputTokens, other.outputTokens), Math.addExact(totalTokens, other.totalTokens));
    }

    /** These totals without {@code other} (which they include); throws {@link ArithmeticException} on overflow. */
    public MeterTotals minus(MeterTotals other) {
        return new MeterTotals(Math.subtractExact(requests, other.requests), Math.subtractExact(inputTokens, other.inputTokens),
                Math.subtractExact(outputTokens, other.outputTokens), Math.subtractExact(totalTokens, other.totalTokens));
    }

    private long add(Meter meter, UsageEvent event) {
        return Math.addExact(of(meter), meter.quantityOf(event));
    }
}
