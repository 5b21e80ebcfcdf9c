package io.microcent.invoicing.stripe;

import io.microcent.invoicing.db.tables.records.StripeCustomersRecord;
import io.microcent.invoicing.write.linkstripecustomer.LinkStripeCustomer;
import io.microcent.model.id.CustomerId;
import io.microcent.platform.axon.CommandSender;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.ZoneOffset;

import static io.microcent.invoicing.db.Tables.STRIPE_CUSTOMERS;

/**
 * The Stripe customer of one of our customers, created once for all its invoices: its key is derived from our
 * customer id, its id is kept in {@code stripe_customers} and recorded on the customer aggregate with
 * {@link LinkStripeCustomer}. After a failed creation the next one first searches Stripe for a customer carrying
 * our id in its metadata (Stripe's search can lag a newly created customer by about a minute, which the retry
 * backoff covers).
 */
final class StripeCustomerSync {

    private final DSLContext db;
    private final StripeCalls calls;
    private final StripeCustomerDetails details;
    private final CommandSender commands;
    private final Clock clock;

    StripeCustomerSync(DSLContext db, StripeCalls calls, StripeCustomerDetails details, CommandSender commands, Clock clock) {
        this.db = db;
        this.calls = calls;
        this.details = details;
        this.commands = commands;
        this.clock = clock;
    }

    /** The Stripe customer id of {@code customer}, created and linked if it is not yet. */
    String ensure(CustomerId customer) throws StripeCallFailed {
        StripeCustomersRecord row = row(customer);
        String stripeCustomer = row.getStripeCustomerId();
        if (stripeCustomer == null) {
            stripeCustomer = create(customer, row.getKeyVersion());
        }
        if (!row.getLinked()) {
            try {
                commands.send(new LinkStripeCustomer(customer, stripeCustomer));
            } catch (RuntimeException e) {
                throw StripeCallFailed.ours("the Stripe customer " + stripeCustomer + " could not be linked to customer "
                        + customer + ": " + e.getMessage());
            }
            update(customer).set(STRIPE_CUSTOMERS.LINKED, true).where(STRIPE_CUSTOMERS.CUSTOMER_ID.eq(customer.raw())).execute();
        }
        return stripeCustomer;
    }

    private String create(CustomerId customer, int version) throws StripeCallFailed {
        try {
            String found = null;
            if (version > 0) {
                found = calls.findCustomer(customer, StripeKeys.customerLookup(customer, version)).map(c -> c.getId()).orElse(null);
            }
            if (found == null) {
                StripeCustomerDetails.Details known = details.of(customer).orElseThrow(
                        () -> StripeCallFailed.ours("customer " + customer + " is not known, so its Stripe customer cannot be created"));
                found = calls.createCustomer(customer, known, StripeKeys.customer(customer, version)).getId();
            }
            update(customer).set(STRIPE_CUSTOMERS.STRIPE_CUSTOMER_ID, found).where(STRIPE_CUSTOMERS.CUSTOMER_ID.eq(customer.raw())).execute();
            return found;
        } catch (StripeCallFailed e) {
            update(customer).set(STRIPE_CUSTOMERS.KEY_VERSION, STRIPE_CUSTOMERS.KEY_VERSION.plus(1))
                    .where(STRIPE_CUSTOMERS.CUSTOMER_ID.eq(customer.raw())).execute();
            throw e;
        }
    }

    private StripeCustomersRecord row(CustomerId customer) {
        db.insertInto(STRIPE_CUSTOMERS)
                .set(STRIPE_CUSTOMERS.CUSTOMER_ID, customer.raw())
                .set(STRIPE_CUSTOMERS.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .onConflict(STRIPE_CUSTOMERS.CUSTOMER_ID).doNothing()
                .execute();
        return db.selectFrom(STRIPE_CUSTOMERS).where(STRIPE_CUSTOMERS.CUSTOMER_ID.eq(customer.raw())).fetchSingle();
    }

    private org.jooq.UpdateSetMoreStep<StripeCustomersRecord> update(CustomerId customer) {
        return db.update(STRIPE_CUSTOMERS).set(STRIPE_CUSTOMERS.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC));
    }
}
