package io.microcent.caps.authorize;

import io.microcent.model.id.EventId;
import io.microcent.model.money.Microcents;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.plan.pricing.PlanPricer;
import io.microcent.model.plan.pricing.PlanPricers;
import io.microcent.model.usage.UsageEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The worst case of a call in each measure ({@link WorstCase}):
 * <ul>
 *   <li><b>cost</b>: {@link CallCost}, rounded up to a whole microcent so that it never falls short;</li>
 *   <li><b>charge</b>: what the customer's plan charges for that call, priced by the plan pricers rating
 *       rates usage with ({@link PlanPricer}, shared-model), as a usage of one request with those tokens
 *       and that cost, after the period's quantities so far ({@link PlanUsage}): nothing while within an
 *       allowance, the overage or tier price beyond it, the cost with the plan's markup for token
 *       pass-through. Never below zero (a volume tier's cheaper price may make rating's line negative;
 *       a reservation never gives room). Before the period's first rated usage the plan is not known
 *       here: the most any plan of the catalog would charge is held.</li>
 * </ul>
 * The pricers round like rating (once, half-even, on an exact cost at least the call's real one), so a
 * call that stays within its token budget never owes more than its charge worst case; calls in flight
 * are counted in the quantities, so that they do not each take the same last included requests.
 */
public final class WorstCaseEstimator {

    /** The event id of the hypothetical usage priced; never stored, never sent. */
    private static final EventId ESTIMATE = EventId.of("authorize-estimate");

    private final CallCost costs;
    private final PlanPricers pricers;

    public WorstCaseEstimator(CallCost costs, PlanCatalog catalog) {
        this.costs = costs;
        this.pricers = new PlanPricers(catalog);
    }

    public WorstCase worstCase(CallRequest call, PlanUsage usage, Instant at) {
        BigDecimal exactCost = costs.exactMicrocents(call.provider(), call.model(), call.estimatedInputTokens(), call.maxOutputTokens(), at);
        UsageEvent asUsage = new UsageEvent(UsageEvent.SCHEMA_VERSION, ESTIMATE, call.customer(), at, at,
                null, null, null, null, null, call.provider(), call.model(), 1, call.estimatedInputTokens(), call.maxOutputTokens(), 0, 0);
        Microcents charge = Microcents.ZERO;
        for (PlanPricer pricer : pricersFor(usage)) {
            charge = Microcents.max(charge, pricer.price(usage.before(), asUsage, exactCost).charge());
        }
        return new WorstCase(Microcents.roundUp(exactCost), charge);
    }

    /** The customer's plan; every plan when it is not known yet (or no longer in the catalog). */
    private Collection<PlanPricer> pricersFor(PlanUsage usage) {
        return Optional.ofNullable(usage.plan()).flatMap(pricers::find).<Collection<PlanPricer>>map(List::of)
                .orElseGet(pricers::all);
    }
}
