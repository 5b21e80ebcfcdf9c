package io.microcent.invoicing.write.changeplan;

import io.microcent.invoicing.generate.PlanChange;
import io.microcent.invoicing.generate.Subscription;
import io.microcent.invoicing.write.CustomerEvent;
import io.microcent.invoicing.write.CustomerNotFound;
import io.microcent.invoicing.write.CustomerState;
import io.microcent.invoicing.write.UnknownPlan;
import io.microcent.model.plan.Plan;
import io.microcent.model.plan.PlanCatalog;

import java.time.Instant;
import java.util.List;

/**
 * Decides a plan change: only for a registered customer, only to a plan of the catalog, taking effect by
 * the generator's rules ({@link Subscription#effectiveAt}): {@code default} makes a higher monthly fee an
 * upgrade, at once, and anything else a change at the end of the fee term (the month, or the billing year);
 * {@code immediately} and {@code at_term_end} say so. So the invoice and rating agree on when each plan
 * applies.
 *
 * <p>A request that would change nothing is no change, so a retried request is harmless: asking for the
 * plan the customer ends up on anyway (in force, or already pending) no earlier than it would apply.
 */
public final class ChangePlanHandler {

    private final PlanCatalog plans;

    public ChangePlanHandler(PlanCatalog plans) {
        this.plans = plans;
    }

    public List<CustomerEvent> decide(ChangePlan command, CustomerState state) {
        Subscription subscription = state.subscription(command.customer(), plans)
                .orElseThrow(() -> new CustomerNotFound(command.customer()));
        Plan plan = plans.find(command.plan()).orElseThrow(() -> new UnknownPlan(command.plan()));
        PlanChange change = new PlanChange(plan, command.requestedAt(), command.timing());
        Instant effectiveAt = subscription.effectiveAt(change);
        Subscription.PlanTerm last = subscription.planTerms().getLast();
        if (last.plan().id().equals(plan.id()) && !effectiveAt.isBefore(last.from())) {
            return List.of();
        }
        return List.of(new CustomerPlanChanged(command.customer(), subscription.planAt(command.requestedAt()).id(),
                plan.id(), command.timing(), command.requestedAt(), effectiveAt));
    }
}
