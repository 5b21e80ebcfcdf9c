package io.microcent.caps.authorize;

import io.microcent.caps.spend.Reservations;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ReservationId;
import io.microcent.model.money.Microcents;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reservations of the customers whose partitions this instance owns, in memory. Authorizations add
 * them, the caps topology releases them when their usage is counted ({@link #settle}), and they lapse at
 * their expiry. Every change of a customer's reservations happens under its {@link CustomerLocks lock}.
 *
 * <p>They live in memory only: when a customer's partition moves to another instance (rebalance,
 * restart), its open reservations stay behind, and the new owner decides from rated spend alone until new
 * reservations are made. See the module README.
 */
public final class ReservationBook implements Reservations {

    private final CustomerLocks locks;
    private final Map<CustomerId, Map<ReservationId, Reservation>> byCustomer = new ConcurrentHashMap<>();

    public ReservationBook(CustomerLocks locks) {
        this.locks = locks;
    }

    /** Records a new reservation; the caller holds the customer's lock and decided it fits. */
    Reservation reserve(CustomerId customer, Set<String> capPeriods, Microcents amount, Instant expiresAt) {
        Reservation reservation = new Reservation(ReservationId.random(), customer, capPeriods, amount, expiresAt);
        byCustomer.computeIfAbsent(customer, c -> new ConcurrentHashMap<>()).put(reservation.id(), reservation);
        return reservation;
    }

    /** What open reservations hold against one cap in one period ({@code <capId>|<period>}). */
    public Microcents reservedAgainst(CustomerId customer, String capPeriod, Instant now) {
        return activeOf(customer, now).stream()
                .filter(reservation -> reservation.capPeriods().contains(capPeriod))
                .map(Reservation::amount)
                .reduce(Microcents.ZERO, Microcents::plus);
    }

    /** The customer's reservations that have not expired at {@code now}. */
    public List<Reservation> activeOf(CustomerId customer, Instant now) {
        Map<ReservationId, Reservation> reservations = byCustomer.get(customer);
        return reservations == null ? List.of()
                : reservations.values().stream().filter(reservation -> reservation.activeAt(now)).toList();
    }

    @Override
    public void settle(CustomerId customer, ReservationId reservation, Runnable countSpend) {
        locks.run(customer, () -> {
            // counted first, released second: under the lock nobody sees the gap, and without it the
            // overlap would only make a decision more careful, never less
            countSpend.run();
            if (reservation != null) {
                release(customer, reservation);
            }
        });
    }

    /** Forgets expired reservations, so that customers who stopped calling do not hold memory. */
    public void purgeExpired(Instant now) {
        for (CustomerId customer : List.copyOf(byCustomer.keySet())) {
            locks.run(customer, () -> {
                Map<ReservationId, Reservation> reservations = byCustomer.get(customer);
                if (reservations != null) {
                    reservations.values().removeIf(reservation -> !reservation.activeAt(now));
                    if (reservations.isEmpty()) {
                        byCustomer.remove(customer);
                    }
                }
            });
        }
    }

    private void release(CustomerId customer, ReservationId reservation) {
        Map<ReservationId, Reservation> reservations = byCustomer.get(customer);
        if (reservations != null) {
            reservations.remove(reservation);
        }
    }
}
