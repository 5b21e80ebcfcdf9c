package io.microcent.invoicing.billing;

import io.microcent.invoicing.generate.Subscription;
import io.microcent.invoicing.read.invoices.InvoiceRepository;
import io.microcent.invoicing.read.invoices.InvoiceRow;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@link CustomerBilling}s: one customer's, or a page of customers' with one query per input. */
public final class BillingReader {

    private final BillingInputs inputs;
    private final InvoiceRepository invoices;

    public BillingReader(BillingInputs inputs, InvoiceRepository invoices) {
        this.inputs = inputs;
        this.invoices = invoices;
    }

    public Optional<CustomerBilling> customer(CustomerId customer, BillingPeriod upTo) {
        return inputs.subscription(customer).map(subscription -> page(List.of(subscription), upTo).getFirst());
    }

    /** The billing of each of {@code subscriptions}, in their order. */
    public List<CustomerBilling> page(List<Subscription> subscriptions, BillingPeriod upTo) {
        List<CustomerId> customers = subscriptions.stream().map(Subscription::customer).toList();
        var usage = inputs.usage(upTo, customers);
        var redemptions = inputs.redemptions(customers);
        Map<CustomerId, List<InvoiceRow>> made = invoices.ofCustomers(customers);
        return subscriptions.stream().map(subscription -> new CustomerBilling(subscription,
                usage.getOrDefault(subscription.customer(), List.of()),
                redemptions.getOrDefault(subscription.customer(), List.of()),
                made.getOrDefault(subscription.customer(), List.of()))).toList();
    }

    public BillingInputs inputs() {
        return inputs;
    }
}
