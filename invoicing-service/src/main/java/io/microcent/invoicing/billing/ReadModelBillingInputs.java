package io.microcent.invoicing.billing;

import io.microcent.invoicing.generate.Redemption;
import io.microcent.invoicing.generate.Subscription;
import io.microcent.invoicing.generate.UsageTotal;
import io.microcent.invoicing.read.coupons.RedemptionRepository;
import io.microcent.invoicing.read.subscriptions.SubscriptionRepository;
import io.microcent.invoicing.read.usage.UsageRepository;
import io.microcent.model.id.CustomerId;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.usage.BillingPeriod;
import org.jooq.DSLContext;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link BillingInputs} from invoicing's read models: subscriptions, per-charge usage, redemptions. */
public final class ReadModelBillingInputs implements BillingInputs {

    private final SubscriptionRepository subscriptions;
    private final UsageRepository usage;
    private final RedemptionRepository redemptions;

    public ReadModelBillingInputs(DSLContext db, PlanCatalog plans) {
        this.subscriptions = new SubscriptionRepository(db, plans);
        this.usage = new UsageRepository(db);
        this.redemptions = new RedemptionRepository(db);
    }

    @Override
    public List<Subscription> subscriptions(CustomerId after, int limit) {
        return subscriptions.page(after, limit);
    }

    @Override
    public Optional<Subscription> subscription(CustomerId customer) {
        return subscriptions.find(customer);
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
