package io.microcent.invoicing.read.customers;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;

import java.time.Instant;

/**
 * A customer as operators see it.
 *
 * @param plan      the current plan
 * @param createdAt when the customer was registered
 */
public record CustomerView(CustomerId id, String name, PlanId plan, Instant createdAt) {
}
