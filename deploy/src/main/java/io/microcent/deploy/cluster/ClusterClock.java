package io.microcent.deploy.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster's one business clock. Simulated: it reads {@code start} at the real instant {@code anchor}, then runs
 * at normal speed, for every process alike, restarted ones included ({@code MICROCENT_CLOCK_START} and
 * {@code MICROCENT_CLOCK_ANCHOR}, the same values everywhere). Real: the system clock.
 */
public record ClusterClock(Optional<Instant> start, Instant anchor) {

    public static ClusterClock real() {
        return new ClusterClock(Optional.empty(), Instant.now());
    }

    /** A simulated clock that reaches the end of the month it is in at {@code monthEndIn} from now. */
    public static ClusterClock endingMonthIn(Duration monthEndIn, YearMonth month) {
        Instant anchor = Instant.now();
        Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new ClusterClock(Optional.of(monthEnd.minus(monthEndIn)), anchor);
    }

    public Instant now() {
        Instant real = Instant.now();
        return start.map(s -> s.plus(Duration.between(anchor, real))).orElse(real);
    }

    public YearMonth month(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }

    /** The end of the month the clock started in (exclusive), when simulated. */
    public Optional<Instant> firstMonthEnd() {
        return start.map(s -> month(s).plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** How long, in real time, until the clock reads {@code at} (negative once past). */
    public Duration until(Instant at) {
        return Duration.between(now(), at);
    }

    Map<String, String> environment() {
        return start.map(s -> Map.of("MICROCENT_CLOCK_START", s.toString(), "MICROCENT_CLOCK_ANCHOR", anchor.toString()))
                .orElse(Map.of());
    }
}
