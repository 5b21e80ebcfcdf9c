package io.microcent.invoicing.write;

import io.microcent.invoicing.generate.BillingInterval;
import io.microcent.invoicing.generate.PlanChange;
import io.microcent.invoicing.generate.Subscription;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.model.plan.Plan;
import io.microcent.model.plan.PlanCatalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the customer decisions need to know, rebuilt from the customer's events: whether it is registered,
 * its subscription (the plan it registered on, the billing interval and start, every plan change asked for)
 * and the Stripe customer that collects its invoices.
 *
 * @param plan             the plan at registration ({@code null} until registered); the plan in force at a
 *                         time is {@link #subscription}'s
 * @param changes          every plan change asked for, in request order
 * @param stripeCustomerId {@code null} until linked
 */
public record CustomerState(boolean registered, PlanId plan, BillingInterval interval, Instant billingStartsAt,
                            List<RequestedPlanChange> changes, String stripeCustomerId) {

    public static final CustomerState UNREGISTERED = new CustomerState(false, null, null, null, List.of(), null);

    /** A plan change as decided: the plan, when it was asked for, with which timing. */
    public record RequestedPlanChange(PlanId plan, Instant requestedAt, PlanChange.Timing timing) {
    }

    public CustomerState {
        changes = List.copyOf(changes);
    }

    public static CustomerState registeredOn(PlanId plan, BillingInterval interval, Instant billingStartsAt) {
        return new CustomerState(true, plan, interval, billingStartsAt, List.of(), null);
    }

    public CustomerState withChange(RequestedPlanChange change) {
        List<RequestedPlanChange> more = new ArrayList<>(changes);
        more.add(change);
        return new CustomerState(registered, plan, interval, billingStartsAt, more, stripeCustomerId);
    }

    public CustomerState withStripeCustomer(String stripeCustomer) {
        return new CustomerState(registered, plan, interval, billingStartsAt, changes, stripeCustomer);
    }

    /**
     * The subscription the generator's rules decide with, its plans taken from {@code catalog}; empty before
     * registration.
     *
     * @throws IllegalStateException when a plan of the customer's history is no longer in the catalog
     */
    public Optional<Subscription> subscription(CustomerId customer, PlanCatalog catalog) {
        if (!registered) {
            return Optional.empty();
        }
        Subscription subscription = Subscription.of(customer, planOf(catalog, plan), interval, billingStartsAt);
        for (RequestedPlanChange change : changes) {
            subscription = subscription.withChange(new PlanChange(planOf(catalog, change.plan()), change.requestedAt(), change.timing()));
        }
        return Optional.of(subscription);
    }

    private static Plan planOf(PlanCatalog catalog, PlanId id) {
        return catalog.find(id).orElseThrow(() -> new IllegalStateException("plan " + id + " of a customer is not in the catalog"));
    }
}
