package io.microcent.invoicing.write.linkstripecustomer;

import io.microcent.invoicing.write.CustomerEvent;
import io.microcent.model.id.CustomerId;

/** The customer's invoices are collected by Stripe customer {@code stripeCustomerId}. */
public record StripeCustomerLinked(CustomerId customer, String stripeCustomerId) implements CustomerEvent {
}
