package io.microcent.invoicing.write.changeplan;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/**
 * Move a customer to another plan of the catalog.
 *
 * @param requestedAt when the operator asked; the new plan applies from then on
 */
public record ChangePlan(@TargetAggregateIdentifier CustomerId customer, PlanId plan, Instant requestedAt) {

    public ChangePlan {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
