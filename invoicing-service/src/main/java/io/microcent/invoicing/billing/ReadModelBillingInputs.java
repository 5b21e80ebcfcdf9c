package io.microcent.invoicing.billing;

import io.microcent.invoicing.generate.BillingInterval;
import io.microcent.invoicing.generate.ChargeKey;
import io.microcent.invoicing.generate.Redemption;
import io.microcent.invoicing.generate.Subscription;
import io.microcent.invoicing.generate.UsageTotal;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.usage.BillingPeriod;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.microcent.invoicing.db.Tables.CUSTOMERS;
import static io.microcent.invoicing.db.Tables.USAGE_PERIODS;

/** {@link BillingInputs} from invoicing's read models. */
public final class ReadModelBillingInputs implements BillingInputs {

    private final DSLContext db;
    private final PlanCatalog plans;

    public ReadModelBillingInputs(DSLContext db, PlanCatalog plans) {
        this.db = db;
        this.plans = plans;
    }

    @Override
    public List<Subscription> subscriptions(CustomerId after, int limit) {
        var query = db.selectFrom(CUSTOMERS);
        var where = after == null ? query.where() : query.where(CUSTOMERS.ID.gt(after.raw()));
        return where.orderBy(CUSTOMERS.ID).limit(limit).fetch(this::subscription);
    }

    @Override
    public Optional<Subscription> subscription(CustomerId customer) {
        return db.selectFrom(CUSTOMERS).where(CUSTOMERS.ID.eq(customer.raw())).fetchOptional(this::subscription);
    }

    private Subscription subscription(Record row) {
        return Subscription.of(CustomerId.of(row.get(CUSTOMERS.ID)), plans.find(PlanId.of(row.get(CUSTOMERS.PLAN))).orElseThrow(),
                BillingInterval.MONTH, row.get(CUSTOMERS.CREATED_AT).toInstant());
    }

    @Override
    public Map<CustomerId, List<UsageTotal>> usage(BillingPeriod upTo, Collection<CustomerId> customers) {
        Map<CustomerId, List<UsageTotal>> usage = new LinkedHashMap<>();
        if (customers.isEmpty()) {
            return usage;
        }
        db.selectFrom(USAGE_PERIODS)
                .where(USAGE_PERIODS.CUSTOMER.in(customers.stream().map(CustomerId::raw).toList()))
                .and(USAGE_PERIODS.PERIOD.le(upTo.toString()))
                .fetch()
                .forEach(row -> usage.computeIfAbsent(CustomerId.of(row.getCustomer()), c -> new ArrayList<>())
                        .add(new UsageTotal(BillingPeriod.parse(row.getPeriod()), new ChargeKey("requests"),
                                row.getRequests(), Microcents.of(row.getChargeMicrocents()))));
        return usage;
    }

    @Override
    public Map<CustomerId, List<Redemption>> redemptions(Collection<CustomerId> customers) {
        return Map.of();
    }
}
