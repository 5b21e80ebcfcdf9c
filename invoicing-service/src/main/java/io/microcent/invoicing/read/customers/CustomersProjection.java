package io.microcent.invoicing.read.customers;

import io.microcent.invoicing.write.changeplan.CustomerPlanChanged;
import io.microcent.invoicing.write.linkstripecustomer.StripeCustomerLinked;
import io.microcent.invoicing.write.registercustomer.CustomerRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static io.microcent.invoicing.db.Tables.CUSTOMERS;

/**
 * Keeps {@code invoicing.customers} from the customer events. It runs in a subscribing processor, in the
 * transaction of the command that decided the event, so a customer the API reports as created is
 * already readable. Writes are idempotent, so the table can also be rebuilt by replaying the events.
 */
@ProcessingGroup(CustomersProjection.PROCESSING_GROUP)
public final class CustomersProjection {

    public static final String PROCESSING_GROUP = "customers";

    private final DSLContext db;

    /** @param db statements that join the current transaction */
    public CustomersProjection(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(CustomerRegistered event) {
        OffsetDateTime at = utc(event.registeredAt());
        db.insertInto(CUSTOMERS)
                .set(CUSTOMERS.ID, event.customer().raw())
                .set(CUSTOMERS.NAME, event.name())
                .set(CUSTOMERS.PLAN, event.plan().raw())
                .set(CUSTOMERS.EMAIL, event.email())
                .set(CUSTOMERS.CREATED_AT, at)
                .set(CUSTOMERS.UPDATED_AT, at)
                .onConflict(CUSTOMERS.ID)
                .doUpdate()
                .set(CUSTOMERS.NAME, event.name())
                .set(CUSTOMERS.EMAIL, event.email())
                .set(CUSTOMERS.PLAN, event.plan().raw())
                .set(CUSTOMERS.CREATED_AT, at)
                .set(CUSTOMERS.UPDATED_AT, at)
                .execute();
    }

    /**
     * {@code plan} is the plan last put on {@code customer.plans}: an immediate change's now, a deferred one's
     * when {@code WhenPlanChangeFallsDueThenPublishIt} publishes it. The API reads the plan in force from the
     * subscription instead ({@link CustomerRepository}).
     */
    @EventHandler
    void on(CustomerPlanChanged event) {
        var update = db.update(CUSTOMERS).set(CUSTOMERS.UPDATED_AT, utc(event.requestedAt()));
        if (event.effectiveOnRequest()) {
            update = update.set(CUSTOMERS.PLAN, event.plan().raw());
        }
        update.where(CUSTOMERS.ID.eq(event.customer().raw())).execute();
    }

    @EventHandler
    void on(StripeCustomerLinked event) {
        db.update(CUSTOMERS)
                .set(CUSTOMERS.STRIPE_CUSTOMER_ID, event.stripeCustomerId())
                .where(CUSTOMERS.ID.eq(event.customer().raw()))
                .execute();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
