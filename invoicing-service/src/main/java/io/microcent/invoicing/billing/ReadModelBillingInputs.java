package io.microcent.invoicing.billing;

import io.microcent.invoicing.generate.BillingInterval;
import io.microcent.invoicing.generate.Redemption;
import io.microcent.invoicing.generate.Subscription;
import io.microcent.invoicing.generate.UsageTotal;
import io.microcent.invoicing.read.coupons.RedemptionRepository;
import io.microcent.invoicing.read.usage.UsageRepository;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
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

/** {@link BillingInputs} from invoicing's read models. */
public final class ReadModelBillingInputs implements BillingInputs {

    private final DSLContext db;
    private final PlanCatalog plans;
    private final UsageRepository usage;
    private final RedemptionRepository redemptions;

    public ReadModelBillingInputs(DSLContext db, PlanCatalog plans) {
        this.db = db;
        this.plans = plans;
        this.usage = new UsageRepository(db);
        this.redemptions = new RedemptionRepository(db);
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
        return usage.chargeTotalsUpTo(upTo, customers);
    }

    @Override
    public Map<CustomerId, List<Redemption>> redemptions(Collection<CustomerId> customers) {
        return redemptions.forCustomers(customers);
    }
}
