package io.microcent.rating.rerate;

import io.microcent.platform.config.Env;

import java.time.Duration;

/**
 * How re-rating runs on an instance.
 *
 * @param threads        jobs running at once ({@code MICROCENT_RERATE_THREADS}, default 2, 1–8); more wait in a queue
 * @param catchUpTimeout how long a job waits for live rating to catch up before failing
 *                       ({@code MICROCENT_RERATE_CATCH_UP_MINUTES}, default 10, 1–1440)
 */
public record RerateSettings(int threads, Duration catchUpTimeout) {

    public static final RerateSettings DEFAULT = new RerateSettings(2, Duration.ofMinutes(10));

    public RerateSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one re-rating thread");
        }
        if (catchUpTimeout.isNegative() || catchUpTimeout.isZero()) {
            throw new IllegalArgumentException("the catch-up timeout must be positive");
        }
    }

    /** Reads the settings; a bad value is reported by {@link Env#validate()} with the rest. */
    public static RerateSettings read(Env env) {
        return new RerateSettings(
                env.integer("MICROCENT_RERATE_THREADS", DEFAULT.threads(), 1, 8),
                Duration.ofMinutes(env.integer("MICROCENT_RERATE_CATCH_UP_MINUTES", (int) DEFAULT.catchUpTimeout().toMinutes(), 1, 1440)));
    }
}
