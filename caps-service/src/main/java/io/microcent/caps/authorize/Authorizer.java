package io.microcent.caps.authorize;

import io.microcent.model.caps.Reservation;
import io.microcent.caps.spend.PeriodMeters;
import io.microcent.caps.spend.SpendKeys;
import io.microcent.model.caps.CapDefinition;
import io.microcent.model.caps.CapMode;
import io.microcent.model.caps.CapPeriodId;
import io.microcent.model.caps.CapPeriodKey;
import io.microcent.model.caps.CapState;
import io.microcent.model.caps.SpendState;
import io.microcent.model.id.CapId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.plan.pricing.MeterTotals;
import io.microcent.model.usage.BillingPeriod;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a call may be made, before it is made, from this instance's state: the customer's caps
 * and their rated spend (the caps topology's stores) and the open reservations ({@link ReservationBook}).
 *
 * <p>Decisions for one customer are serialized by its {@link CustomerLocks lock}, which also covers the
 * topology counting the customer's usage and settling its reservations. So each decision sees spend plus
 * every reservation allowed before it, and an allowed call's worst case is reserved before the next
 * decision: concurrent calls can never be allowed beyond a hard cap together. (What can still pass a cap
 * is a call whose real cost exceeds the worst case it reserved.) Each cap holds the call's worst case in
 * what it measures ({@link WorstCase}). A new reservation is then handed to the {@link ReservationLog}
 * outside the lock, which makes it durable without holding up the answer; if the log refuses it (it could
 * not make reservations durable lately) it is released again and the call is not allowed.
 *
 * <p>Nothing on this path asks a database or a broker: caps, spend and meters are read from the topology's
 * local stores (decoded only when they changed, {@link CapsReads}), open reservations from memory.
 */
public final class Authorizer {

    private final CapsReads stores;
    private final ReservationBook reservations;
    private final ReservationLog log;
    private final CustomerLocks locks;
    private final WorstCaseEstimator estimator;
    private final Duration reservationTtl;

    public Authorizer(CapsReads stores, ReservationBook reservations, ReservationLog log, CustomerLocks locks,
                      WorstCaseEstimator estimator, Duration reservationTtl) {
        this.stores = stores;
        this.reservations = reservations;
        this.log = log;
        this.locks = locks;
        this.estimator = estimator;
        this.reservationTtl = reservationTtl;
    }

    /**
     * @throws ReservationLog.NotDurable when the log refused an allowed call's reservation (it was released:
     *                                   answer that no decision could be made)
     */
    public Authorization authorize(CallRequest call, Instant now) {
        Decision decision = locks.call(call.customer(), () -> decide(call, now));
        if (decision.reservation() != null) {
            try {
                log.record(decision.reservation());
            } catch (RuntimeException e) {
                reservations.release(call.customer(), decision.reservation().id());
                throw e;
            }
        }
        return decision.answer();
    }

    /** Where a cap stands now, read under its customer's lock so that spend and reservations agree. */
    public CapStanding standingOf(CapDefinition cap, Instant now) {
        return locks.call(cap.customer(), () -> standing(cap, now));
    }

    /** The answer, and the reservation it opened ({@code null} when none). */
    private record Decision(Authorization answer, Reservation reservation) {
    }

    private Decision decide(CallRequest call, Instant now) {
        List<CapStanding> standings = stores.capsOf(call.customer()).stream()
                .filter(call.scopes()::matches)
                .map(cap -> standing(cap, now))
                .toList();
        if (standings.isEmpty()) {
            return new Decision(Authorization.unlimited(), null);
        }
        BillingPeriod period = BillingPeriod.containing(now);
        WorstCase worstCase = estimator.worstCase(call, planUsage(call.customer(), period, now), now);
        List<CapId> blockedBy = standings.stream()
                .filter(standing -> !standing.admits(worstCase.in(standing.cap().measure())))
                .map(standing -> standing.cap().id())
                .toList();
        if (!blockedBy.isEmpty()) {
            return new Decision(Authorization.refused(worstCase, tightestRemaining(standings), blockedBy), null);
        }
        Map<CapPeriodKey, Microcents> holds = new LinkedHashMap<>();
        standings.forEach(standing -> holds.put(standing.capPeriod(), worstCase.in(standing.cap().measure())));
        MeterTotals quantities = new MeterTotals(1, call.estimatedInputTokens(), call.maxOutputTokens(),
                Math.addExact(call.estimatedInputTokens(), call.maxOutputTokens()));
        Reservation reservation = reservations.reserve(call.customer(), holds, period, quantities, now.plus(reservationTtl));
        List<CapStanding> after = standings.stream()
                .map(standing -> standing.plusReserved(holds.get(standing.capPeriod())))
                .toList();
        return new Decision(Authorization.allowed(reservation, worstCase, tightestRemaining(after)), reservation);
    }

    /** The plan's quantities so far in the billing period: rated, plus what open reservations may still use. */
    private PlanUsage planUsage(CustomerId customer, BillingPeriod period, Instant now) {
        PeriodMeters rated = stores.meters(customer, SpendState.keyOf(customer, period));
        MeterTotals inFlight = reservations.quantitiesIn(customer, period, now);
        return new PlanUsage(rated.plan(), rated.totals().plus(inFlight));
    }

    private CapStanding standing(CapDefinition cap, Instant now) {
        CapPeriodId period = CapPeriodId.containing(cap.period(), now);
        Microcents spent = stores.spend(cap.customer(), SpendKeys.of(cap, period)).in(cap.measure());
        Microcents reserved = reservations.heldAgainst(cap.customer(), CapState.keyOf(cap.id(), period), now);
        return new CapStanding(cap, period, spent, reserved);
    }

    private static Microcents tightestRemaining(List<CapStanding> standings) {
        return standings.stream()
                .filter(standing -> standing.cap().mode() == CapMode.HARD)
                .map(CapStanding::remaining)
                .min(Microcents::compareTo)
                .orElse(null);
    }
}
