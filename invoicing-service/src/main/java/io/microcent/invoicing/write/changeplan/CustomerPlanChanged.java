package io.microcent.invoicing.write.changeplan;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.microcent.invoicing.generate.PlanChange;
import io.microcent.invoicing.write.CustomerEvent;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;

import java.time.Instant;

/**
 * A change of the customer's plan from {@code previousPlan} to {@code plan} was decided.
 *
 * <p>Events stored before timings existed carry only {@code effectiveFrom}, the request's time, from which
 * the plan applied at once: they read as {@link PlanChange.Timing#IMMEDIATELY}, requested and effective then.
 *
 * @param previousPlan the plan in force when the change was asked for
 * @param timing       the timing asked for
 * @param requestedAt  the time of the changing command
 * @param effectiveAt  when {@code plan} takes effect, resolved by the generator's rules
 *                     ({@code Subscription.planTerms}): the request's time, or the end of the fee term
 */
public record CustomerPlanChanged(CustomerId customer, PlanId previousPlan, PlanId plan, PlanChange.Timing timing,
                                  Instant requestedAt, @JsonAlias("effectiveFrom") Instant effectiveAt)
        implements CustomerEvent {

    public CustomerPlanChanged {
        if (timing == null) {
            timing = PlanChange.Timing.IMMEDIATELY;
        }
        if (requestedAt == null) {
            requestedAt = effectiveAt;
        }
    }

    /** Takes effect in the command that decided it (an upgrade, or {@code immediately}), not later. */
    public boolean effectiveOnRequest() {
        return !effectiveAt.isAfter(requestedAt);
    }
}
