package io.microcent.caps.authorize;

import io.microcent.model.caps.Reservation;

/**
 * Where a new reservation is made durable, so that it still counts after this instance restarts or the
 * customer's partition moves ({@code caps.reservations}, read back by the caps topology into its
 * {@code reservations} store).
 */
@FunctionalInterface
public interface ReservationLog {

    /** Nothing durable: reservations live as long as this instance (tests of the decision alone). */
    ReservationLog IN_MEMORY = reservation -> {
    };

    /**
     * Takes {@code reservation} to be made durable; it may return before it is (see {@link KafkaReservationLog}).
     *
     * @throws NotDurable when reservations cannot be made durable now: the call must not be allowed
     */
    void record(Reservation reservation);

    /** Reservations cannot be made durable now: no decision can be given (503, retry). */
    final class NotDurable extends RuntimeException {
        public NotDurable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
