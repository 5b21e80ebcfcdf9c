package io.microcent.invoicing.write;

import io.microcent.model.id.PlanId;

/**
 * What the customer decisions need to know, rebuilt from the customer's events: whether it is registered
 * and which plan it is on.
 *
 * @param plan {@code null} until registered
 */
public record CustomerState(boolean registered, PlanId plan) {

    public static final CustomerState UNREGISTERED = new CustomerState(false, null);

    public static CustomerState registeredOn(PlanId plan) {
        return new CustomerState(true, plan);
    }

    public CustomerState withPlan(PlanId newPlan) {
        return new CustomerState(registered, newPlan);
    }
}
