package io.microcent.caps.authorize;

import io.microcent.model.caps.Reservation;

/**
 * Where a new reservation is made durable before the call is allowed, so that it still counts after this
 * instance restarts or the customer's partition moves ({@code caps.reservations}, read back by the caps
 * topology into its {@code reservations} store).
 */
@FunctionalInterface
public interface ReservationLog {

    /** Nothing durable: reservations live as long as this instance (tests of the decision alone). */
    ReservationLog IN_MEMORY = reservation -> {
    };

    /**
     * Returns once {@code reservation} is durable.
     *
     * @throws NotDurable when it could not be made durable now
     */
    void record(Reservation reservation);

    /** The reservation could not be made durable: no decision can be given now (503, retry). */
    final class NotDurable extends RuntimeException {
        public NotDurable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
