package io.microcent.invoicing.read.customers;

import io.microcent.invoicing.db.tables.records.CustomersRecord;
import io.microcent.invoicing.read.subscriptions.PlanSchedule;
import io.microcent.invoicing.read.subscriptions.SubscriptionRepository;
import io.microcent.invoicing.write.registercustomer.BillingIntervals;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.microcent.invoicing.db.Tables.CUSTOMERS;
import static io.microcent.invoicing.db.Tables.SUBSCRIPTIONS;
import static io.microcent.invoicing.db.Tables.SUBSCRIPTION_PLAN_CHANGES;

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

    /**
     * Filter for {@link #page}: either may be {@code null}.
     *
     * @param search part of the id, name or e-mail, any case
     * @param plan   the plan in force now
     */
    public record Filter(String search, PlanId plan) {
    }

    /** By id, at most {@code limit}, those after {@code after} when given. */
    public List<CustomerView> page(Filter filter, CustomerId after, int limit) {
        Instant now = clock.instant();
        List<Condition> where = new ArrayList<>();
        if (filter.search() != null) {
            where.add(CUSTOMERS.ID.containsIgnoreCase(filter.search())
                    .or(CUSTOMERS.NAME.containsIgnoreCase(filter.search()))
                    .or(CUSTOMERS.EMAIL.containsIgnoreCase(filter.search())));
        }
        if (filter.plan() != null) {
            where.add(planAt(now).eq(filter.plan().raw()));
        }
        if (after != null) {
            where.add(CUSTOMERS.ID.gt(after.raw()));
        }
        List<CustomersRecord> rows = db.selectFrom(CUSTOMERS).where(where).orderBy(CUSTOMERS.ID).limit(limit).fetch();
        Map<String, PlanSchedule> schedules = subscriptions.schedules(rows.stream().map(row -> CustomerId.of(row.getId())).toList());
        return rows.stream().map(row -> toView(row, Optional.ofNullable(schedules.get(row.getId())), now)).toList();
    }

    /**
     * The plan in force at {@code now} in SQL, by {@link PlanSchedule#planAt}'s rule: the change that took effect
     * last by then (of equal times, the later request), else the plan registered on.
     */
    private static Field<String> planAt(Instant now) {
        var change = SUBSCRIPTION_PLAN_CHANGES.as("change");
        return DSL.coalesce(
                DSL.field(DSL.select(change.PLAN).from(change)
                        .where(change.CUSTOMER.eq(CUSTOMERS.ID), change.EFFECTIVE_AT.le(now.atOffset(ZoneOffset.UTC)))
                        .orderBy(change.EFFECTIVE_AT.desc(), change.SEQUENCE.desc())
                        .limit(1)),
                DSL.field(DSL.select(SUBSCRIPTIONS.PLAN).from(SUBSCRIPTIONS).where(SUBSCRIPTIONS.CUSTOMER.eq(CUSTOMERS.ID))),
                CUSTOMERS.PLAN);
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
