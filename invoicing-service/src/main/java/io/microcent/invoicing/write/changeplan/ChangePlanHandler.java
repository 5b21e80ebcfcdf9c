package io.microcent.invoicing.write.changeplan;

import io.microcent.invoicing.write.CustomerEvent;
import io.microcent.invoicing.write.CustomerNotFound;
import io.microcent.invoicing.write.CustomerState;
import io.microcent.invoicing.write.UnknownPlan;
import io.microcent.model.plan.PlanCatalog;

import java.util.List;

/**
 * Decides a plan change: only for a registered customer, only to a plan of the catalog. Asking for the
 * plan the customer is already on changes nothing, so a retried request is harmless.
 */
public final class ChangePlanHandler {

    private final PlanCatalog plans;

    public ChangePlanHandler(PlanCatalog plans) {
        this.plans = plans;
    }

    public List<CustomerEvent> decide(ChangePlan command, CustomerState state) {
        if (!state.registered()) {
            throw new CustomerNotFound(command.customer());
        }
        if (plans.find(command.plan()).isEmpty()) {
            throw new UnknownPlan(command.plan());
        }
        if (command.plan().equals(state.plan())) {
            return List.of();
        }
        return List.of(new CustomerPlanChanged(command.customer(), state.plan(), command.plan(), command.requestedAt()));
    }
}
