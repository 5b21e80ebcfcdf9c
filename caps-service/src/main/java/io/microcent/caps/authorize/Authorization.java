package io.microcent.caps.authorize;

import io.microcent.model.caps.Reservation;
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
 * @param reservedMicrocents  the most the reservation holds against any one cap (each cap holds the worst case
 *                            in what it measures); zero when refused or when no cap applies
 * @param remainingMicrocents what is left under the tightest hard cap that applies, after spend and every
 *                            reservation (this one included); {@code null} when no hard cap applies
 * @param blockedBy           the hard caps the call does not fit under; empty when allowed
 * @param expiresAt           when the reservation lapses if its usage has not been rated by then
 * @param worstCase           the call's worst case in each measure; {@code null} when no cap applies
 */
public record Authorization(boolean allowed, ReservationId reservationId, Microcents reservedMicrocents,
                            Microcents remainingMicrocents, List<CapId> blockedBy, Instant expiresAt, WorstCase worstCase) {

    public Authorization {
        blockedBy = List.copyOf(blockedBy);
    }

    /** No cap applies: nothing to hold. */
    static Authorization unlimited() {
        return new Authorization(true, null, Microcents.ZERO, null, List.of(), null, null);
    }

    static Authorization refused(WorstCase worstCase, Microcents remaining, List<CapId> blockedBy) {
        return new Authorization(false, null, Microcents.ZERO, remaining, blockedBy, null, worstCase);
    }

    static Authorization allowed(Reservation reservation, WorstCase worstCase, Microcents remaining) {
        Microcents mostHeld = reservation.holds().values().stream().max(Microcents::compareTo).orElse(Microcents.ZERO);
        return new Authorization(true, reservation.id(), mostHeld, remaining, List.of(), reservation.expiresAt(), worstCase);
    }
}
