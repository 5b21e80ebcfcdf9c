package io.microcent.caps.authorize;

import io.microcent.model.id.CapId;
import io.microcent.model.id.ReservationId;
import io.microcent.model.money.Microcents;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code /v1/authorize}.
 *
 * @param reservationId       send it back as the usage event's {@code reservationId}; {@code null} when the call
 *                            was refused or no cap applies (then there is nothing to hold)
 * @param reservedMicrocents  the call's worst case, held against every cap that applies; zero when refused
 *                            or when no cap applies
 * @param remainingMicrocents what is left under the tightest hard cap that applies, after spend and every
 *                            reservation (this one included); {@code null} when no hard cap applies
 * @param blockedBy           the hard caps the call does not fit under; empty when allowed
 * @param expiresAt           when the reservation lapses if its usage has not been rated by then
 */
public record Authorization(boolean allowed, ReservationId reservationId, Microcents reservedMicrocents,
                            Microcents remainingMicrocents, List<CapId> blockedBy, Instant expiresAt) {

    public Authorization {
        blockedBy = List.copyOf(blockedBy);
    }
}
