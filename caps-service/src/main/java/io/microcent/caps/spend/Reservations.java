package io.microcent.caps.spend;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ReservationId;

/**
 * How the topology tells authorization that a usage was counted. Counting a usage and releasing the
 * reservation its call made must look like one step to an authorization deciding for the same customer:
 * otherwise it could see neither (and allow too much) or both (and refuse a call it could allow).
 */
@FunctionalInterface
public interface Reservations {

    /** For a topology without authorization (and its tests): only counts. */
    Reservations NONE = (customer, reservation, countSpend) -> countSpend.run();

    /**
     * Runs {@code countSpend} and then releases {@code reservation} (when not {@code null}), with no
     * authorization of {@code customer} in between.
     */
    void settle(CustomerId customer, ReservationId reservation, Runnable countSpend);
}
