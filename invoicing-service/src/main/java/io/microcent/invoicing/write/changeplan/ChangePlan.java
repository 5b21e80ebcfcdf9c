package io.microcent.invoicing.write.changeplan;

import io.microcent.invoicing.generate.PlanChange;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/**
 * Move a customer to another plan of the catalog.
 *
 * @param timing      when the change takes effect ({@link PlanChange.Timing}: by default an upgrade at once,
 *                    a downgrade at the end of the fee term)
 * @param requestedAt when the operator asked
 */
public record ChangePlan(@TargetAggregateIdentifier CustomerId customer, PlanId plan, PlanChange.Timing timing,
                         Instant requestedAt) {

    public ChangePlan {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
