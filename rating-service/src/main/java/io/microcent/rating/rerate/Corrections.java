package io.microcent.rating.rerate;

import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;

import java.util.Optional;

/**
 * The line that turns what {@code usage.rated} holds for an event into its new rating. Consumers add
 * every line of {@code usage.rated}, so the correction carries the difference, never the new figures:
 * after it, the event's lines add up to exactly its new rating (in all and charge by charge: a charge the new
 * rating no longer has is corrected to zero), and re-rating again finds nothing to correct.
 */
final class Corrections {

    private Corrections() {
    }

    /**
     * @param newRating  the event rated again, now
     * @param ratedSoFar the sum of the event's lines on {@code usage.rated} in the period (its rating and any
     *                   earlier corrections)
     * @param plans      the catalog the new rating was made with
     * @return the correction, or nothing when the event's lines already add up to its new rating, charge by charge
     */
    static Optional<RatedUsage> of(RatedUsage newRating, RatedAmounts ratedSoFar, PlanCatalog plans) {
        RatedAmounts delta = RatedAmounts.of(newRating, plans).minus(ratedSoFar);
        if (delta.isZero()) {
            return Optional.empty();
        }
        // never unpriced: the unpriced list counts events, and a correction is not one
        return Optional.of(new RatedUsage(withoutQuantities(newRating.event()), newRating.period(), newRating.plan(),
                delta.includedRequests(), delta.overageRequests(), delta.cost(), delta.charge(),
                false, newRating.adjustment(), true, delta.chargeAmounts()));
    }

    /**
     * The event as a correction carries it: every dimension kept (so projections add the difference to the
     * same rows, tags included), but no requests or tokens (they were counted once already) and no reservation (it was
     * settled when the event was first rated).
     */
    static UsageEvent withoutQuantities(UsageEvent event) {
        return new UsageEvent(event.schemaVersion(), event.id(), event.customer(), event.timestamp(), event.ingestedAt(),
                event.project(), event.costCenter(), event.apiKeyId(), event.user(), event.team(), event.provider(),
                event.model(), 0, 0, 0, 0, 0, null, event.tags());
    }
}
