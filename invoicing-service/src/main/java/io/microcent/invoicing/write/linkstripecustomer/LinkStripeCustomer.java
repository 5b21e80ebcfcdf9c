package io.microcent.invoicing.write.linkstripecustomer;

import io.microcent.model.id.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the Stripe customer ({@code cus_…}) that collects this customer's invoices. */
public record LinkStripeCustomer(@TargetAggregateIdentifier CustomerId customer, String stripeCustomerId) {
}
