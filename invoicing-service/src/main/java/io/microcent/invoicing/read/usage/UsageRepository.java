package io.microcent.invoicing.read.usage;

import io.microcent.invoicing.db.tables.records.UsageChargesRecord;
import io.microcent.invoicing.generate.ChargeKey;
import io.microcent.invoicing.generate.UsageTotal;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.microcent.invoicing.db.Tables.USAGE_CHARGES;
import static io.microcent.invoicing.db.Tables.USAGE_PERIODS;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.val;

/** Queries of the usage read model. */
public final class UsageRepository {

    private final DSLContext db;

    public UsageRepository(DSLContext db) {
        this.db = db;
    }

    /** The customer's usage in the period so far; {@link UsageTotals#NONE} before its first rated event. */
    public UsageTotals find(CustomerId customer, BillingPeriod period) {
        return db.selectFrom(USAGE_PERIODS)
                .where(USAGE_PERIODS.CUSTOMER.eq(customer.raw()))
                .and(USAGE_PERIODS.PERIOD.eq(period.toString()))
                .fetchOptional(row -> new UsageTotals(row.getRequests(), row.getIncludedRequests(), row.getOverageRequests(),
                        Microcents.of(row.getChargeMicrocents()), Microcents.of(row.getCostMicrocents())))
                .orElse(UsageTotals.NONE);
    }

    /**
     * The customer's usage in the period so far, charge by charge (by key): what the invoice's usage lines bill.
     * The amounts add up to {@link #find}'s {@code charge}; empty before its first rated event.
     */
    public List<UsageTotal> chargeTotals(CustomerId customer, BillingPeriod period) {
        return chargeTotals(period, List.of(customer)).get(customer);
    }

    /**
     * {@link #chargeTotals(CustomerId, BillingPeriod)} for a page of customers, in one query: an entry for every
     * customer asked (an empty list for one without usage in the period).
     */
    public Map<CustomerId, List<UsageTotal>> chargeTotals(BillingPeriod period, Collection<CustomerId> customers) {
        return chargeTotals(USAGE_CHARGES.PERIOD.eq(period.toString()), customers);
    }

    /**
     * Every period's per-charge totals up to and including {@code upTo}, per customer (the generator compares them
     * with what finalized invoices billed, so usage rated after an early finalize is never lost).
     */
    public Map<CustomerId, List<UsageTotal>> chargeTotalsUpTo(BillingPeriod upTo, Collection<CustomerId> customers) {
        return chargeTotals(USAGE_CHARGES.PERIOD.le(upTo.toString()), customers);
    }

    private Map<CustomerId, List<UsageTotal>> chargeTotals(org.jooq.Condition periods, Collection<CustomerId> customers) {
        Map<CustomerId, List<UsageTotal>> totals = new LinkedHashMap<>();
        customers.forEach(customer -> totals.put(customer, new ArrayList<>()));
        if (customers.isEmpty()) {
            return totals;
        }
        // one array parameter, however many customers: no limit on bind values, one statement to plan
        String[] ids = customers.stream().map(CustomerId::raw).distinct().toArray(String[]::new);
        db.selectFrom(USAGE_CHARGES)
                .where(periods)
                .and(USAGE_CHARGES.CUSTOMER.eq(any(val(ids))))
                .orderBy(USAGE_CHARGES.CUSTOMER, USAGE_CHARGES.PERIOD, USAGE_CHARGES.CHARGE)
                .forEach(row -> totals.get(CustomerId.of(row.getCustomer()))
                        .add(totalOf(BillingPeriod.parse(row.getPeriod()), row)));
        totals.replaceAll((customer, list) -> List.copyOf(list));
        return totals;
    }


    private static UsageTotal totalOf(BillingPeriod period, UsageChargesRecord row) {
        return new UsageTotal(period, new ChargeKey(row.getCharge()), row.getQuantity(), Microcents.of(row.getChargeMicrocents()));
    }
}
