package io.microcent.invoicing.write;

import io.microcent.model.id.PlanId;

/**
 * What the customer decisions need to know, rebuilt from the customer's events: whether it is registered,
 * which plan it is on, and the Stripe customer that collects its invoices.
 *
 * @param plan             {@code null} until registered
 * @param stripeCustomerId {@code null} until linked
 */
public record CustomerState(boolean registered, PlanId plan, String stripeCustomerId) {

    public static final CustomerState UNREGISTERED = new CustomerState(false, null, null);

    public static CustomerState registeredOn(PlanId plan) {
        return new CustomerState(true, plan, null);
    }

    public CustomerState withPlan(PlanId newPlan) {
        return new CustomerState(registered, newPlan, stripeCustomerId);
    }

    public CustomerState withStripeCustomer(String stripeCustomer) {
        return new CustomerState(registered, plan, stripeCustomer);
    }
}
