package io.microcent.platform.config;

import io.microcent.model.usage.LateUsagePolicy;

import java.time.Duration;

/**
 * How long a billing period stays open for late usage: {@value #VARIABLE} hours after its month ends
 * (default {@value #DEFAULT_HOURS}, 0 to {@value #MAX_HOURS}). Ingest refuses usage older than the
 * oldest open period and rating places usage by the same rule, so both read it here: were they to
 * disagree, ingest would take usage that rating then bills in another month than its event time says.
 */
public final class LateUsageSetting {

    public static final String VARIABLE = "MICROCENT_LATE_USAGE_GRACE_HOURS";
    public static final int DEFAULT_HOURS = 48;
    /** 28 days: at most the month before the current one can still be open. */
    public static final int MAX_HOURS = 28 * 24;

    private LateUsageSetting() {
    }

    /** The policy; a value that is not a whole number of hours in range is reported by {@link Env#validate()}. */
    public static LateUsagePolicy read(Env env) {
        return new LateUsagePolicy(Duration.ofHours(env.integer(VARIABLE, DEFAULT_HOURS, 0, MAX_HOURS)));
    }
}
