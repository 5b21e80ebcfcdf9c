package io.microcent.caps.authorize;

import io.microcent.caps.spend.PeriodKeys;
import io.microcent.caps.spend.ScopeSpend;
import io.microcent.caps.spend.SpendKeys;
import io.microcent.model.caps.CapDefinition;
import io.microcent.model.caps.CapMode;
import io.microcent.model.caps.CapState;
import io.microcent.model.caps.CustomerCaps;
import io.microcent.model.id.CapId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a call may be made, before it is made, from this instance's state: the customer's caps
 * and their rated spend (the caps topology's stores) and the open reservations ({@link ReservationBook}).
 *
 * <p>Decisions for one customer are serialized by its {@link CustomerLocks lock}, which also covers the
 * topology counting the customer's usage and settling its reservations. So each decision sees spend plus
 * every reservation allowed before it, and an allowed call's worst case is reserved before the next
 * decision: concurrent calls can never be allowed beyond a hard cap together. (What can still pass a cap
 * is a call whose real cost exceeds the worst case it reserved.)
 */
public final class Authorizer {

    private final CapsStores stores;
    private final ReservationBook reservations;
    private final CustomerLocks locks;
    private final WorstCaseEstimator estimator;
    private final Duration reservationTtl;

    public Authorizer(CapsStores stores, ReservationBook reservations, CustomerLocks locks,
                      WorstCaseEstimator estimator, Duration reservationTtl) {
        this.stores = stores;
        this.reservations = reservations;
        this.locks = locks;
        this.estimator = estimator;
        this.reservationTtl = reservationTtl;
    }

    public Authorization authorize(CallRequest call, Instant now) {
        Microcents worstCase = estimator.worstCase(call.model(), call.estimatedInputTokens(), call.maxOutputTokens(), now);
        return locks.call(call.customer(), () -> decide(call, worstCase, now));
    }

    /** Where a cap stands now, read under its customer's lock so that spend and reservations agree. */
    public CapStanding standingOf(CapDefinition cap, Instant now) {
        return locks.call(cap.customer(), () -> standing(cap, now));
    }

    private Authorization decide(CallRequest call, Microcents worstCase, Instant now) {
        List<CapStanding> standings = capsOf(call.customer()).stream()
                .filter(call.scopes()::matches)
                .map(cap -> standing(cap, now))
                .toList();
        List<CapId> blockedBy = standings.stream()
                .filter(standing -> !standing.admits(worstCase))
                .map(standing -> standing.cap().id())
                .toList();
        if (!blockedBy.isEmpty()) {
            return new Authorization(false, null, Microcents.ZERO, tightestRemaining(standings), blockedBy, null);
        }
        if (standings.isEmpty()) {
            return new Authorization(true, null, Microcents.ZERO, null, List.of(), null);
        }
        Set<String> capPeriods = standings.stream().map(CapStanding::capPeriod).collect(Collectors.toSet());
        Reservation reservation = reservations.reserve(call.customer(), capPeriods, worstCase, now.plus(reservationTtl));
        List<CapStanding> after = standings.stream().map(standing -> standing.plusReserved(worstCase)).toList();
        return new Authorization(true, reservation.id(), worstCase, tightestRemaining(after), List.of(), reservation.expiresAt());
    }

    private CapStanding standing(CapDefinition cap, Instant now) {
        String period = PeriodKeys.at(cap.period(), now);
        Microcents spent = ScopeSpend.orNone(stores.spend().get(SpendKeys.of(cap, period))).in(cap.measure());
        Microcents reserved = reservations.reservedAgainst(cap.customer(), CapState.keyOf(cap.id(), period), now);
        return new CapStanding(cap, period, spent, reserved);
    }

    private List<CapDefinition> capsOf(CustomerId customer) {
        CustomerCaps caps = stores.definitions().get(customer);
        return caps == null ? List.of() : caps.caps();
    }

    private static Microcents tightestRemaining(List<CapStanding> standings) {
        return standings.stream()
                .filter(standing -> standing.cap().mode() == CapMode.HARD)
                .map(CapStanding::remaining)
                .min(Microcents::compareTo)
                .orElse(null);
    }
}
