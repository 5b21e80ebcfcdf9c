package io.microcent.invoicing.read.subscriptions;

import io.microcent.invoicing.db.tables.records.SubscriptionPlanChangesRecord;
import io.microcent.invoicing.db.tables.records.SubscriptionsRecord;
import io.microcent.invoicing.generate.BillingInterval;
import io.microcent.invoicing.generate.PlanChange;
import io.microcent.invoicing.generate.Subscription;
import io.microcent.invoicing.write.registercustomer.BillingIntervals;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.model.plan.Plan;
import io.microcent.model.plan.PlanCatalog;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.microcent.invoicing.db.Tables.SUBSCRIPTIONS;
import static io.microcent.invoicing.db.Tables.SUBSCRIPTION_PLAN_CHANGES;

/**
 * Subscriptions as period close and the customer views read them, from the {@code subscriptions} and
 * {@code subscription_plan_changes} tables ({@link SubscriptionsProjection}).
 */
public final class SubscriptionRepository {

    private final DSLContext db;
    private final PlanCatalog plans;

    /** @param plans the catalog the plans of a subscription are taken from (the one the service decides with) */
    public SubscriptionRepository(DSLContext db, PlanCatalog plans) {
        this.db = db;
        this.plans = plans;
    }

    /** The customer's subscription for the generator: the plan it registered on and every change asked for. */
    public Optional<Subscription> find(CustomerId customer) {
        return page(SUBSCRIPTIONS.CUSTOMER.eq(customer.raw()), 1).stream().findFirst();
    }

    /**
     * Up to {@code limit} subscriptions by customer id, those after {@code after} ({@code null}: from the first):
     * period close walks every subscription page by page, passing the last customer of a page as the next
     * {@code after}.
     */
    public List<Subscription> page(CustomerId after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return page(after == null ? DSL.trueCondition() : SUBSCRIPTIONS.CUSTOMER.gt(after.raw()), limit);
    }

    /** The plan schedule of one customer, as decided; empty for an unknown customer. */
    public Optional<PlanSchedule> schedule(CustomerId customer) {
        return Optional.ofNullable(schedules(SUBSCRIPTIONS.CUSTOMER.eq(customer.raw()), Integer.MAX_VALUE).get(customer.raw()));
    }

    /** These customers' plan schedules, by customer id; one without a subscription is absent. */
    public Map<String, PlanSchedule> schedules(java.util.Collection<CustomerId> customers) {
        return schedules(SUBSCRIPTIONS.CUSTOMER.in(customers.stream().map(CustomerId::raw).toList()), Integer.MAX_VALUE);
    }

    /** Every customer's plan schedule, by customer id. */
    public Map<String, PlanSchedule> schedules() {
        return schedules(DSL.trueCondition(), Integer.MAX_VALUE);
    }

    private List<Subscription> page(Condition which, int limit) {
        List<SubscriptionsRecord> rows = db.selectFrom(SUBSCRIPTIONS).where(which).orderBy(SUBSCRIPTIONS.CUSTOMER).limit(limit).fetch();
        Map<String, ? extends List<SubscriptionPlanChangesRecord>> changes = changesOf(rows);
        return rows.stream().map(row -> {
            Subscription subscription = Subscription.of(CustomerId.of(row.getCustomer()), plan(row.getPlan()),
                    interval(row.getBillingInterval()), row.getBillingStartsAt().toInstant());
            for (SubscriptionPlanChangesRecord change : changesOf(changes, row.getCustomer())) {
                subscription = subscription.withChange(new PlanChange(plan(change.getPlan()), change.getRequestedAt().toInstant(),
                        PlanChange.Timing.valueOf(change.getTiming().toUpperCase(Locale.ROOT))));
            }
            return subscription;
        }).toList();
    }

    private Map<String, PlanSchedule> schedules(Condition which, int limit) {
        List<SubscriptionsRecord> rows = db.selectFrom(SUBSCRIPTIONS).where(which).orderBy(SUBSCRIPTIONS.CUSTOMER).limit(limit).fetch();
        Map<String, ? extends List<SubscriptionPlanChangesRecord>> changes = changesOf(rows);
        Map<String, PlanSchedule> schedules = new LinkedHashMap<>();
        for (SubscriptionsRecord row : rows) {
            List<PlanSchedule.Step> steps = changesOf(changes, row.getCustomer()).stream()
                    .sorted(Comparator.comparing(SubscriptionPlanChangesRecord::getEffectiveAt)) // stable: sequence order kept
                    .map(change -> new PlanSchedule.Step(PlanId.of(change.getPlan()), change.getEffectiveAt().toInstant()))
                    .toList();
            schedules.put(row.getCustomer(), new PlanSchedule(PlanId.of(row.getPlan()), interval(row.getBillingInterval()),
                    row.getBillingStartsAt().toInstant(), steps));
        }
        return schedules;
    }

    /** The plan changes of these subscriptions, per customer, in request (sequence) order. */
    private Map<String, ? extends List<SubscriptionPlanChangesRecord>> changesOf(List<SubscriptionsRecord> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        return db.selectFrom(SUBSCRIPTION_PLAN_CHANGES)
                .where(SUBSCRIPTION_PLAN_CHANGES.CUSTOMER.in(rows.stream().map(SubscriptionsRecord::getCustomer).toList()))
                .orderBy(SUBSCRIPTION_PLAN_CHANGES.CUSTOMER, SUBSCRIPTION_PLAN_CHANGES.SEQUENCE)
                .fetchGroups(SUBSCRIPTION_PLAN_CHANGES.CUSTOMER);
    }

    private static List<SubscriptionPlanChangesRecord> changesOf(Map<String, ? extends List<SubscriptionPlanChangesRecord>> changes,
                                                                 String customer) {
        List<SubscriptionPlanChangesRecord> of = changes.get(customer);
        return of == null ? List.of() : of;
    }

    private Plan plan(String id) {
        return plans.find(PlanId.of(id)).orElseThrow(() -> new IllegalStateException("plan " + id + " of a subscription is not in the catalog"));
    }

    static BillingInterval interval(String stored) {
        return BillingIntervals.parse(stored);
    }
}
