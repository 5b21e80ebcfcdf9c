package io.microcent.caps.spend;

import io.microcent.model.caps.Reservation;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ReservationId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * How the topology tells authorization about reservations. Counting a usage and releasing the
 * reservation its call made must look like one step to an authorization deciding for the same customer:
 * otherwise it could see neither (and allow too much) or both (and refuse a call it could allow). The
 * topology also holds the durable copy of every open reservation ({@link SpendTopology#RESERVATIONS_STORE}):
 * when it takes over a customer's partition it restores them, when it gives one up it forgets them.
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

    /**
     * Runs {@code countSpend} (a batch's sums of {@code customer}) and then releases every one of {@code released}
     * (the reservations of the batch's calls of {@code customer}). The first is released with the count, in one
     * step; the others right after it, each in a step of its own: in between, a decision sees the spend and
     * those reservations both, which only makes it more careful, never less. An implementation that can release
     * them all in the one step should.
     */
    default void settleAll(CustomerId customer, List<ReservationId> released, Runnable countSpend) {
        settle(customer, released.isEmpty() ? null : released.getFirst(), countSpend);
        for (ReservationId reservation : released.subList(Math.min(1, released.size()), released.size())) {
            settle(customer, reservation, () -> {
            });
        }
    }

    /** A reservation of the durable copy: open it, unless it is open already or expired at {@code now}. */
    default void restore(Reservation reservation, Instant now) {
    }

    /** The partition of these customers moved away: their reservations are now decided from elsewhere. */
    default void forget(Collection<CustomerId> customers) {
    }
}
