package io.microcent.invoicing.billing;

import io.microcent.invoicing.generate.Redemption;
import io.microcent.invoicing.generate.Subscription;
import io.microcent.invoicing.generate.UsageTotal;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the generator needs besides the invoices themselves, read from the read models a page of customers at a
 * time (period close runs over every customer; one query per page, never one per customer).
 */
public interface BillingInputs {

    /** Subscriptions ordered by customer id, after {@code after} ({@code null} for the first page). */
    List<Subscription> subscriptions(CustomerId after, int limit);

    Optional<Subscription> subscription(CustomerId customer);

    /** Rating's per-charge totals of every period up to and including {@code upTo}, per customer. */
    Map<CustomerId, List<UsageTotal>> usage(BillingPeriod upTo, Collection<CustomerId> customers);

    /** Each customer's coupon redemptions, in redemption order. */
    Map<CustomerId, List<Redemption>> redemptions(Collection<CustomerId> customers);
}
