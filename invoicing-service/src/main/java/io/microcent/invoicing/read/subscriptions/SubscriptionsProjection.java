package io.microcent.invoicing.read.subscriptions;

import io.microcent.invoicing.write.changeplan.CustomerPlanChanged;
import io.microcent.invoicing.write.registercustomer.BillingIntervals;
import io.microcent.invoicing.write.registercustomer.CustomerRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import static io.microcent.invoicing.db.Tables.SUBSCRIPTIONS;
import static io.microcent.invoicing.db.Tables.SUBSCRIPTION_PLAN_CHANGES;

/**
 * Keeps {@code subscriptions} and {@code subscription_plan_changes} from the customer events, in a subscribing
 * processor, inside the deciding command's transaction. Idempotent (a change is keyed by its event's sequence
 * number), so the tables can be rebuilt by replaying the events. An immediate change is recorded as published
 * at its request (the command put it on {@code customer.plans}); a deferred one waits for
 * {@code WhenPlanChangeFallsDueThenPublishIt}.
 */
@ProcessingGroup(SubscriptionsProjection.PROCESSING_GROUP)
public final class SubscriptionsProjection {

    public static final String PROCESSING_GROUP = "subscriptions";

    private final DSLContext db;

    /** @param db statements that join the current transaction */
    public SubscriptionsProjection(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(CustomerRegistered event) {
        db.insertInto(SUBSCRIPTIONS)
                .set(SUBSCRIPTIONS.CUSTOMER, event.customer().raw())
                .set(SUBSCRIPTIONS.PLAN, event.plan().raw())
                .set(SUBSCRIPTIONS.BILLING_INTERVAL, BillingIntervals.json(event.interval()))
                .set(SUBSCRIPTIONS.BILLING_STARTS_AT, utc(event.billingStartsAt()))
                .onConflict(SUBSCRIPTIONS.CUSTOMER)
                .doUpdate()
                .set(SUBSCRIPTIONS.PLAN, event.plan().raw())
                .set(SUBSCRIPTIONS.BILLING_INTERVAL, BillingIntervals.json(event.interval()))
                .set(SUBSCRIPTIONS.BILLING_STARTS_AT, utc(event.billingStartsAt()))
                .execute();
    }

    @EventHandler
    void on(CustomerPlanChanged event, @SequenceNumber long sequence) {
        lock(db, event.customer().raw());
        boolean published = event.effectiveOnRequest();
        db.insertInto(SUBSCRIPTION_PLAN_CHANGES)
                .set(SUBSCRIPTION_PLAN_CHANGES.CUSTOMER, event.customer().raw())
                .set(SUBSCRIPTION_PLAN_CHANGES.SEQUENCE, sequence)
                .set(SUBSCRIPTION_PLAN_CHANGES.PLAN, event.plan().raw())
                .set(SUBSCRIPTION_PLAN_CHANGES.PREVIOUS_PLAN, event.previousPlan().raw())
                .set(SUBSCRIPTION_PLAN_CHANGES.TIMING, event.timing().name().toLowerCase(Locale.ROOT))
                .set(SUBSCRIPTION_PLAN_CHANGES.REQUESTED_AT, utc(event.requestedAt()))
                .set(SUBSCRIPTION_PLAN_CHANGES.EFFECTIVE_AT, utc(event.effectiveAt()))
                .set(SUBSCRIPTION_PLAN_CHANGES.PUBLISHED_AT, published ? utc(event.requestedAt()) : null)
                .set(SUBSCRIPTION_PLAN_CHANGES.PUBLISHED_PLAN, published ? event.plan().raw() : null)
                .onConflictDoNothing()
                .execute();
    }

    /**
     * Locks the customer's subscription row until the transaction ends. A plan change (here, before its plan is
     * published) and {@code WhenPlanChangeFallsDueThenPublishIt} (before it reads the plan in force) both take
     * it, so they publish one customer's plans one after the other, each reading what the other committed:
     * an upgrade decided while a due downgrade is being published is published after it, never before.
     */
    public static void lock(DSLContext db, String customer) {
        db.selectFrom(SUBSCRIPTIONS).where(SUBSCRIPTIONS.CUSTOMER.eq(customer)).forUpdate().execute();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
