package io.microcent.invoicing.read.subscriptions;

import io.microcent.invoicing.generate.BillingInterval;
import io.microcent.model.id.PlanId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A subscription's plans over time as its decisions resolved them: the plan it registered on, then each
 * change from its {@code effectiveAt}, in order of taking effect (equal times in request order, so the later
 * request wins), the same order as {@code Subscription.planTerms}.
 */
public record PlanSchedule(PlanId initialPlan, BillingInterval interval, Instant billingStartsAt, List<Step> changes) {

    /** {@code plan} applies from {@code from}. */
    public record Step(PlanId plan, Instant from) {
    }

    public PlanSchedule {
        changes = List.copyOf(changes);
    }

    /** The plan in force at {@code at}. */
    public PlanId planAt(Instant at) {
        PlanId plan = initialPlan;
        for (Step step : changes) {
            if (!step.from().isAfter(at)) {
                plan = step.plan();
            }
        }
        return plan;
    }

    /** The next change after {@code now}, with the plan in force once it applies; empty when none is pending. */
    public Optional<Step> pendingAfter(Instant now) {
        return changes.stream().filter(step -> step.from().isAfter(now)).findFirst()
                .map(next -> new Step(planAt(next.from()), next.from()));
    }
}
