package io.microcent.invoicing.read.usage;

import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;
import org.jooq.DSLContext;

import static io.microcent.invoicing.db.Tables.USAGE_PERIODS;

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
}
