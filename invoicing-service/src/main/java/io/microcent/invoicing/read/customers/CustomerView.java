package io.microcent.invoicing.read.customers;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;

import java.time.Instant;

/**
 * A customer as operators see it. Absent fields ({@code null}) are left out of the JSON.
 *
 * @param email             where invoices go, or {@code null}
 * @param billingInterval   {@code month} or {@code year}
 * @param plan              the plan in force now (service clock)
 * @param pendingPlanChange the next plan change decided but not in force yet, or {@code null}
 * @param stripeCustomerId  the linked Stripe customer, or {@code null}
 * @param createdAt         when the customer was registered
 */
public record CustomerView(CustomerId id, String name, String email, String billingInterval, Instant billingStartsAt,
                           PlanId plan, PendingPlanChange pendingPlanChange, String stripeCustomerId, Instant createdAt) {

    /** {@code plan} takes effect at {@code effectiveAt}. */
    public record PendingPlanChange(PlanId plan, Instant effectiveAt) {
    }
}
