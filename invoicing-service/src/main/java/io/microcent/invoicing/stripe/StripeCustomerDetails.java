package io.microcent.invoicing.stripe;

import io.microcent.model.id.CustomerId;

import java.util.Optional;

/** What the Stripe customer of one of our customers is created with. */
@FunctionalInterface
public interface StripeCustomerDetails {

    /**
     * @param name  the customer's name
     * @param email its billing e-mail, or {@code null} if unknown
     */
    record Details(String name, String email) {
    }

    /** The customer's details, or empty if no such customer is known (yet). */
    Optional<Details> of(CustomerId customer);
}
