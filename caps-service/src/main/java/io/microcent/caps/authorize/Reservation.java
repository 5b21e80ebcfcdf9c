package io.microcent.caps.authorize;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ReservationId;
import io.microcent.model.money.Microcents;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The worst-case amount of an authorized call, held against every cap that applies to it until its usage
 * is rated or {@code expiresAt}.
 *
 * @param capPeriods the caps and periods it is held against, as {@code <capId>|<period>}
 */
public record Reservation(ReservationId id, CustomerId customer, Set<String> capPeriods, Microcents amount, Instant expiresAt) {

    public Reservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        capPeriods = Set.copyOf(capPeriods);
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
