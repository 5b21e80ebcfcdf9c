package io.microcent.caps.authorize;

import io.microcent.model.caps.CapPeriodKey;
import io.microcent.model.caps.Reservation;
import io.microcent.model.id.ReservationId;
import io.microcent.model.money.Microcents;
import io.microcent.model.plan.pricing.MeterTotals;
import io.microcent.model.usage.BillingPeriod;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * One customer's open reservations with their running sums, so that a decision reads what is held against
 * a cap in O(1) whatever the number of calls in flight: each reservation adds to the sums when it opens
 * and subtracts when it is released or expires, exactly (overflow-checked). Expiry walks the
 * reservations in order of expiry, so only those due are touched. Not thread-safe: used under the
 * customer's {@link CustomerLocks lock}.
 */
final class CustomerReservations {

    private static final Comparator<Reservation> BY_EXPIRY =
            Comparator.comparing(Reservation::expiresAt).thenComparing(reservation -> reservation.id().raw());

    private final Map<ReservationId, Reservation> open = new HashMap<>();
    private final NavigableSet<Reservation> byExpiry = new TreeSet<>(BY_EXPIRY);
    private final Map<CapPeriodKey, Microcents> heldByCapPeriod = new HashMap<>();
    private final Map<BillingPeriod, MeterTotals> quantitiesByPeriod = new HashMap<>();

    /** Opens {@code reservation}; false (and nothing changes) when it is open already. */
    boolean add(Reservation reservation) {
        if (open.putIfAbsent(reservation.id(), reservation) != null) {
            return false;
        }
        byExpiry.add(reservation);
        reservation.holds().forEach((capPeriod, amount) -> heldByCapPeriod.merge(capPeriod, amount, Microcents::plus));
        quantitiesByPeriod.merge(reservation.period(), reservation.quantities(), MeterTotals::plus);
        return true;
    }

    /** Releases the reservation; false when it is not open (released already, expired, or never here). */
    boolean release(ReservationId id) {
        Reservation reservation = open.remove(id);
        if (reservation == null) {
            return false;
        }
        byExpiry.remove(reservation);
        reservation.holds().forEach((capPeriod, amount) ->
                heldByCapPeriod.computeIfPresent(capPeriod, (key, held) -> zeroToNull(held.minus(amount))));
        quantitiesByPeriod.computeIfPresent(reservation.period(), (key, sum) -> emptyToNull(sum.minus(reservation.quantities())));
        return true;
    }

    /** Releases every reservation expired at {@code now}, earliest first. */
    void expire(Instant now) {
        while (!byExpiry.isEmpty() && !byExpiry.first().activeAt(now)) {
            release(byExpiry.first().id());
        }
    }

    Microcents heldAgainst(CapPeriodKey capPeriod) {
        return heldByCapPeriod.getOrDefault(capPeriod, Microcents.ZERO);
    }

    MeterTotals quantitiesIn(BillingPeriod period) {
        return quantitiesByPeriod.getOrDefault(period, MeterTotals.NONE);
    }

    Iterable<Reservation> open() {
        return open.values();
    }

    int size() {
        return open.size();
    }

    boolean isEmpty() {
        return open.isEmpty();
    }

    private static Microcents zeroToNull(Microcents amount) {
        return amount.isZero() ? null : amount;
    }

    private static MeterTotals emptyToNull(MeterTotals totals) {
        return totals.equals(MeterTotals.NONE) ? null : totals;
    }
}
