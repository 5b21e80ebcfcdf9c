package io.microcent.caps.authorize;

import io.microcent.model.caps.Reservation;
import io.microcent.caps.spend.Reservations;
import io.microcent.model.caps.CapPeriodKey;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ReservationId;
import io.microcent.model.money.Microcents;
import io.microcent.model.plan.pricing.MeterTotals;
import io.microcent.model.usage.BillingPeriod;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open reservations of the customers whose partitions this instance owns, as decisions read them: per
 * customer, running sums per cap and period ({@link CustomerReservations}), so a decision costs the same
 * with one call in flight or ten thousand. Authorizations add reservations, the caps topology releases
 * them when their usage is counted ({@link #settle}), and they lapse at their expiry. Every change of a
 * customer's reservations happens under its {@link CustomerLocks lock}.
 *
 * <p>This is the working copy; the durable one is the topology's {@code reservations} store, fed from
 * {@code caps.reservations}, from which an instance that takes over a customer's partition (restart,
 * rebalance) {@link #restore restores} the customer's open reservations.
 */
public final class ReservationBook implements Reservations {

    private final CustomerLocks locks;
    private final Map<CustomerId, CustomerReservations> byCustomer = new ConcurrentHashMap<>();

    public ReservationBook(CustomerLocks locks) {
        this.locks = locks;
    }

    /** Opens a new reservation; the caller holds the customer's lock and decided it fits. */
    Reservation reserve(CustomerId customer, Map<CapPeriodKey, Microcents> holds, BillingPeriod period, MeterTotals quantities,
                        Instant expiresAt) {
        Reservation reservation = new Reservation(ReservationId.random(), customer, holds, period, quantities, expiresAt);
        of(customer).add(reservation);
        return reservation;
    }

    /**
     * Opens a reservation known from the durable copy, unless it is open already or expired at {@code now}.
     * Takes the customer's lock.
     */
    @Override
    public void restore(Reservation reservation, Instant now) {
        if (reservation.activeAt(now)) {
            locks.run(reservation.customer(), () -> of(reservation.customer()).add(reservation));
        }
    }

    /** What open reservations hold against one cap in one period; under the customer's lock. */
    Microcents heldAgainst(CustomerId customer, CapPeriodKey capPeriod, Instant now) {
        CustomerReservations reservations = current(customer, now);
        return reservations == null ? Microcents.ZERO : reservations.heldAgainst(capPeriod);
    }

    /** The quantities open reservations may still use in the customer's billing period; under the customer's lock. */
    MeterTotals quantitiesIn(CustomerId customer, BillingPeriod period, Instant now) {
        CustomerReservations reservations = current(customer, now);
        return reservations == null ? MeterTotals.NONE : reservations.quantitiesIn(period);
    }

    /** Releases a reservation (its usage was counted, or it could not be made durable). Takes the customer's lock. */
    public void release(CustomerId customer, ReservationId reservation) {
        locks.run(customer, () -> {
            CustomerReservations reservations = byCustomer.get(customer);
            if (reservations != null) {
                reservations.release(reservation);
            }
        });
    }

    /** How many reservations of the customer are open at {@code now}. Takes the customer's lock. */
    public int openCount(CustomerId customer, Instant now) {
        return locks.call(customer, () -> {
            CustomerReservations reservations = current(customer, now);
            return reservations == null ? 0 : reservations.size();
        });
    }

    @Override
    public void settle(CustomerId customer, ReservationId reservation, Runnable countSpend) {
        settleAll(customer, reservation == null ? List.of() : List.of(reservation), countSpend);
    }

    /** A batch's spend of the customer and the release of all its calls' reservations, in one step under its lock. */
    @Override
    public void settleAll(CustomerId customer, List<ReservationId> released, Runnable countSpend) {
        locks.run(customer, () -> {
            // counted first, released second: under the lock nobody sees the gap, and without it the
            // overlap would only make a decision more careful, never less
            countSpend.run();
            CustomerReservations reservations = byCustomer.get(customer);
            if (reservations != null) {
                released.forEach(reservations::release);
            }
        });
    }

    /** Forgets expired reservations, so that customers who stopped calling do not hold memory. */
    public void purgeExpired(Instant now) {
        for (CustomerId customer : List.copyOf(byCustomer.keySet())) {
            locks.run(customer, () -> current(customer, now));
        }
    }

    /** Forgets the customers of a partition this instance no longer owns: their new owner restores them. */
    @Override
    public void forget(Collection<CustomerId> customers) {
        for (CustomerId customer : customers) {
            locks.run(customer, () -> byCustomer.remove(customer));
        }
    }

    /** The customer's reservations after expiring those due, {@code null} (and forgotten) when none are open. */
    private CustomerReservations current(CustomerId customer, Instant now) {
        CustomerReservations reservations = byCustomer.get(customer);
        if (reservations == null) {
            return null;
        }
        reservations.expire(now);
        if (reservations.isEmpty()) {
            byCustomer.remove(customer);
            return null;
        }
        return reservations;
    }

    private CustomerReservations of(CustomerId customer) {
        return byCustomer.computeIfAbsent(customer, c -> new CustomerReservations());
    }
}
