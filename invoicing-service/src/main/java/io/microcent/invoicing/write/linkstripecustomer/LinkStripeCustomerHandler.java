package io.microcent.invoicing.write.linkstripecustomer;

import io.microcent.invoicing.write.CustomerEvent;
import io.microcent.invoicing.write.CustomerNotFound;
import io.microcent.invoicing.write.CustomerState;

import java.util.List;

/** Links once: linking the same Stripe customer again changes nothing, another one replaces it. */
public final class LinkStripeCustomerHandler {

    public List<CustomerEvent> decide(LinkStripeCustomer command, CustomerState state) {
        if (!state.registered()) {
            throw new CustomerNotFound(command.customer());
        }
        if (command.stripeCustomerId().equals(state.stripeCustomerId())) {
            return List.of();
        }
        return List.of(new StripeCustomerLinked(command.customer(), command.stripeCustomerId()));
    }
}
