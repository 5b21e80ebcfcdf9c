package io.microcent.caps.webhooks;

import java.time.Duration;

/**
 * When a failed delivery is tried again: the first wait is {@code base}, each next one four times longer,
 * never more than {@value #MAX_FACTOR} × base. With the default 30 s base: 30 s, 2 m, 8 m, 32 m, 2 h 8 m,
 * 6 h, 6 h, so eight attempts span about 15 hours, long enough to outlast a receiver's bad night.
 *
 * @param base        the wait after the first failed attempt
 * @param maxAttempts attempts before a delivery is given up as failed (a replay starts it again)
 */
public record RetrySchedule(Duration base, int maxAttempts) {

    static final int GROWTH = 4;
    static final long MAX_FACTOR = 720;

    public RetrySchedule {
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("the backoff base must be positive, was " + base);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt, was " + maxAttempts);
        }
    }

    /** True when no attempt is left after {@code attemptsMade}. */
    public boolean exhausted(int attemptsMade) {
        return attemptsMade >= maxAttempts;
    }

    /** How long to wait after the {@code attemptsMade}-th failed attempt. */
    public Duration delayAfter(int attemptsMade) {
        long factor = 1;
        for (int i = 1; i < attemptsMade && factor < MAX_FACTOR; i++) {
            factor *= GROWTH;
        }
        return base.multipliedBy(Math.min(factor, MAX_FACTOR));
    }
}
