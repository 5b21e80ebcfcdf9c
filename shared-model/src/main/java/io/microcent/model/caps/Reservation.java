package io.microcent.model.caps;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ReservationId;
import io.microcent.model.money.Microcents;
import io.microcent.model.plan.pricing.MeterTotals;
import io.microcent.model.usage.BillingPeriod;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What an authorized call holds until its usage is rated or {@code expiresAt}: against each cap that applies
 * to it, the call's worst case in what that cap measures, and, for the customer's plan, the quantities
 * the call may use in its billing period. Made by caps' {@code /v1/authorize}, kept on
 * {@code caps.reservations} (key {@link #key()}) so that it outlives the instance that made it.
 *
 * @param holds      the cap and period ({@code <capId>|<period>} in JSON) → the amount held against that cap in that period
 * @param period     the billing period the call is expected in (now)
 * @param quantities one request and the call's token budget
 */
public record Reservation(ReservationId id, CustomerId customer, Map<CapPeriodKey, Microcents> holds, BillingPeriod period,
                          MeterTotals quantities, Instant expiresAt) {

    public Reservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        holds = Map.copyOf(holds);
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(quantities, "quantities");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Separates customer and reservation id in {@link #key()}; customer ids never contain it. */
    public static final char KEY_SEPARATOR = '|';

    /** {@code <customer>|<reservationId>}: the {@code caps.reservations} key. */
    public static String keyOf(CustomerId customer, ReservationId id) {
        return customer.raw() + KEY_SEPARATOR + id.raw();
    }

    /** The customer of a {@link #key()}. */
    public static CustomerId customerOf(String key) {
        return CustomerId.of(key.substring(0, key.indexOf(KEY_SEPARATOR)));
    }

    public String key() {
        return keyOf(customer, id);
    }

    public boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
