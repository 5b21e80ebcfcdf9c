package io.microcent.invoicing.write.registercustomer;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.IdRule;
import io.microcent.model.id.PlanId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/**
 * Register a new customer on a plan of the catalog.
 *
 * @param name        how people call the customer: 1 to 200 printable characters
 * @param requestedAt when the operator asked; the customer exists, on its plan, from then on
 */
public record RegisterCustomer(@TargetAggregateIdentifier CustomerId customer, String name, PlanId plan, Instant requestedAt) {

    public RegisterCustomer {
        Objects.requireNonNull(customer, "customer");
        name = checkName(name);
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** The rule for customer names, shared with request validation; throws {@code InvalidIdException} naming "name". */
    public static String checkName(String name) {
        return IdRule.LABEL.check("name", name);
    }
}
