package io.microcent.platform.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The platform's business clock: {@value #VARIABLE} is an ISO-8601 instant (e.g. {@code 2026-11-01T00:00:00Z})
 * at which the clock starts, running at normal speed from there; unset, the system UTC clock. A simulation
 * can so run a past or future month through every service (ingest's timestamp checks, rating's periods,
 * caps' periods and reservations, invoicing), each of which reads time only through the clock it is given.
 * The offset to the real clock is computed once, at start; real time still measures durations, stamps
 * logs and checks webhook signatures.
 *
 * <p>{@value #ANCHOR} (optional, an ISO instant of real time) is when the simulated clock read
 * {@value #VARIABLE}; unset, the moment this process starts. Several processes of one simulated platform
 * (a cluster's instances, one restarted after a crash) given the same start and anchor share one clock.
 */
public final class ClockSetting {

    public static final String VARIABLE = "MICROCENT_CLOCK_START";
    public static final String ANCHOR = "MICROCENT_CLOCK_ANCHOR";

    private ClockSetting() {
    }

    /** The clock; a value that is not an ISO instant is reported by {@link Env#validate()} (then: the system clock). */
    public static Clock read(Env env) {
        return read(env, Clock.systemUTC());
    }

    static Clock read(Env env, Clock real) {
        Optional<Instant> start = instant(env, VARIABLE);
        Optional<Instant> anchor = instant(env, ANCHOR);
        if (anchor.isPresent() && env.optional(VARIABLE).isEmpty()) {
            env.reject(ANCHOR + " is set without " + VARIABLE + ": it says when the simulated clock read that start");
        }
        Instant startedAt = anchor.orElseGet(real::instant);
        return start.map(simulated -> Clock.offset(real, Duration.between(startedAt, simulated))).orElse(real);
    }

    private static Optional<Instant> instant(Env env, String name) {
        return env.optional(name).flatMap(raw -> {
            try {
                return Optional.of(Instant.parse(raw));
            } catch (DateTimeParseException e) {
                env.reject(name + " must be an ISO-8601 instant such as 2026-11-01T00:00:00Z, got '" + raw + "'");
                return Optional.empty();
            }
        });
    }
}
