package io.microcent.caps.spend;

import org.apache.kafka.streams.processor.api.ProcessorContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The business time of the reservation processors: Kafka Streams' wall clock (which drives the expiry
 * sweep, and which a {@code TopologyTestDriver} moves) shifted by how far the service clock is from real
 * time. Reservations expire on the service clock ({@code /v1/authorize} sets {@code expiresAt} from it);
 * under a simulation clock ({@code MICROCENT_CLOCK_START}) a month behind real time, judging them by the
 * unshifted wall clock would drop every reservation as soon as its record is read.
 */
record ReservationTime(Duration aheadOfWallClock) {

    static final ReservationTime WALL_CLOCK = new ReservationTime(Duration.ZERO);

    /** The service clock's offset to the real clock, taken once (a simulation clock runs at normal speed). */
    static ReservationTime of(Clock serviceClock) {
        return new ReservationTime(Duration.between(Instant.now(), serviceClock.instant()));
    }

    Instant now(ProcessorContext<?, ?> context) {
        return at(context.currentSystemTimeMs());
    }

    /** A wall-clock time (a punctuation's timestamp) as business time. */
    Instant at(long wallClockMs) {
        return Instant.ofEpochMilli(wallClockMs).plus(aheadOfWallClock);
    }
}
