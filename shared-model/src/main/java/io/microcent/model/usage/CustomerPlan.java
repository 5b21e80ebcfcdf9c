package io.microcent.model.usage;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;

import java.time.Instant;
import java.util.Objects;

/**
 * Which plan a customer is on, from when: the decision made in invoicing, published on the compacted
 * {@code customer.plans} topic for rating to read.
 */
public record CustomerPlan(CustomerId customer, PlanId plan, Instant effectiveFrom) {

    public CustomerPlan {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    }
}
