package io.microcent.invoicing.read.customers;

import io.microcent.invoicing.db.tables.records.CustomersRecord;
import io.microcent.invoicing.read.subscriptions.PlanSchedule;
import io.microcent.invoicing.read.subscriptions.SubscriptionRepository;
import io.microcent.invoicing.write.registercustomer.BillingIntervals;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.microcent.invoicing.db.Tables.CUSTOMERS;

/**
 * Queries of the customers read model, with each customer's subscription: the plan in force and the pending
 * change are read at the service clock's now from the plan schedule the decisions resolved, so a deferred
 * change shows as in force from its {@code effectiveAt} on.
 */
public final class CustomerRepository {

    private final DSLContext db;
    private final SubscriptionRepository subscriptions;
    private final Clock clock;

    public CustomerRepository(DSLContext db, SubscriptionRepository subscriptions, Clock clock) {
        this.db = db;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    public Optional<CustomerView> find(CustomerId id) {
        Instant now = clock.instant();
        return db.selectFrom(CUSTOMERS).where(CUSTOMERS.ID.eq(id.raw())).fetchOptional()
                .map(row -> toView(row, subscriptions.schedule(id), now));
    }

    /** Every customer, by id. */
    public List<CustomerView> all() {
        Instant now = clock.instant();
        Map<String, PlanSchedule> schedules = subscriptions.schedules();
        return db.selectFrom(CUSTOMERS).orderBy(CUSTOMERS.ID).fetch()
                .map(row -> toView(row, Optional.ofNullable(schedules.get(row.getId())), now));
    }

    private static CustomerView toView(CustomersRecord row, Optional<PlanSchedule> schedule, Instant now) {
        Instant createdAt = row.getCreatedAt().toInstant();
        // a customer always has a subscription (V7 made one for every earlier customer); the fallback only
        // covers a read between the two inserts of a replay
        return new CustomerView(CustomerId.of(row.getId()), row.getName(), row.getEmail(),
                schedule.map(s -> BillingIntervals.json(s.interval())).orElse("month"),
                schedule.map(PlanSchedule::billingStartsAt).orElse(createdAt),
                schedule.map(s -> s.planAt(now)).orElse(PlanId.of(row.getPlan())),
                schedule.flatMap(s -> s.pendingAfter(now))
                        .map(next -> new CustomerView.PendingPlanChange(next.plan(), next.from())).orElse(null),
                row.getStripeCustomerId(), createdAt);
    }
}
