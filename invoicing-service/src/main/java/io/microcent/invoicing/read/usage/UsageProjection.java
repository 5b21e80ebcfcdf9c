package io.microcent.invoicing.read.usage;

import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.ChargeAmount;
import io.microcent.model.usage.RatedUsage;
import io.microcent.platform.kafka.ProjectionRunner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.jooq.Query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.microcent.invoicing.db.Tables.USAGE_CHARGES;
import static io.microcent.invoicing.db.Tables.USAGE_PERIODS;
import static org.jooq.impl.DSL.excluded;

/**
 * Sums {@code usage.rated} into {@code invoicing.usage_periods}, one row per customer and billing period, and
 * into {@code invoicing.usage_charges}, one row per customer, period and charge of the plan
 * ({@link RatedUsage#chargesOrLegacy}, so lines written before they carried their charges count too). A poll's
 * records are first summed in memory, then added to the stored sums with one upsert per row, in one batch
 * inside the {@link ProjectionRunner}'s transaction that also stores the offsets: each record counts exactly
 * once in both tables, whatever restarts or rebalances happen, and a period's charges always add up to its
 * {@code charge_microcents}. A sum that overflows fails the batch; the runner then sets the record aside.
 */
public final class UsageProjection implements ProjectionRunner.Handler<CustomerId, RatedUsage> {

    public static final String NAME = "invoicing-usage";

    private final PlanCatalog plans;

    /** @param plans the catalog rating prices with, to read lines written before they carried their charges */
    public UsageProjection(PlanCatalog plans) {
        this.plans = Objects.requireNonNull(plans, "plans");
    }

    private record Row(CustomerId customer, BillingPeriod period) {
    }

    private record ChargeRow(CustomerId customer, BillingPeriod period, String charge) {
    }

    private record ChargeSum(long quantity, Microcents charge) {

        static ChargeSum of(ChargeAmount amount) {
            return new ChargeSum(amount.quantity(), amount.chargeMicrocents());
        }

        ChargeSum plus(ChargeSum other) {
            return new ChargeSum(Math.addExact(quantity, other.quantity), charge.plus(other.charge));
        }
    }

    @Override
    public void apply(DSLContext tx, List<ConsumerRecord<CustomerId, RatedUsage>> records) {
        Map<Row, UsageTotals> sums = new LinkedHashMap<>();
        Map<ChargeRow, ChargeSum> chargeSums = new LinkedHashMap<>();
        for (ConsumerRecord<CustomerId, RatedUsage> record : records) {
            RatedUsage usage = record.value();
            if (usage != null) {
                CustomerId customer = usage.event().customer();
                sums.merge(new Row(customer, usage.period()), UsageTotals.of(usage), UsageTotals::plus);
                for (ChargeAmount amount : usage.chargesOrLegacy(plans)) {
                    chargeSums.merge(new ChargeRow(customer, usage.period(), amount.charge()), ChargeSum.of(amount),
                            ChargeSum::plus);
                }
            }
        }
        List<Query> upserts = new ArrayList<>(sums.size() + chargeSums.size());
        sums.forEach((row, sum) -> upserts.add(addTo(tx, row, sum)));
        chargeSums.forEach((row, sum) -> upserts.add(addTo(tx, row, sum)));
        tx.batch(upserts).execute();
    }

    private static Query addTo(DSLContext tx, Row row, UsageTotals sum) {
        return tx.insertInto(USAGE_PERIODS)
                .set(USAGE_PERIODS.CUSTOMER, row.customer().raw())
                .set(USAGE_PERIODS.PERIOD, row.period().toString())
                .set(USAGE_PERIODS.REQUESTS, sum.requests())
                .set(USAGE_PERIODS.INCLUDED_REQUESTS, sum.includedRequests())
                .set(USAGE_PERIODS.OVERAGE_REQUESTS, sum.overageRequests())
                .set(USAGE_PERIODS.CHARGE_MICROCENTS, sum.charge().value())
                .set(USAGE_PERIODS.COST_MICROCENTS, sum.cost().value())
                .onConflict(USAGE_PERIODS.CUSTOMER, USAGE_PERIODS.PERIOD)
                .doUpdate()
                .set(USAGE_PERIODS.REQUESTS, USAGE_PERIODS.REQUESTS.plus(excluded(USAGE_PERIODS.REQUESTS)))
                .set(USAGE_PERIODS.INCLUDED_REQUESTS, USAGE_PERIODS.INCLUDED_REQUESTS.plus(excluded(USAGE_PERIODS.INCLUDED_REQUESTS)))
                .set(USAGE_PERIODS.OVERAGE_REQUESTS, USAGE_PERIODS.OVERAGE_REQUESTS.plus(excluded(USAGE_PERIODS.OVERAGE_REQUESTS)))
                .set(USAGE_PERIODS.CHARGE_MICROCENTS, USAGE_PERIODS.CHARGE_MICROCENTS.plus(excluded(USAGE_PERIODS.CHARGE_MICROCENTS)))
                .set(USAGE_PERIODS.COST_MICROCENTS, USAGE_PERIODS.COST_MICROCENTS.plus(excluded(USAGE_PERIODS.COST_MICROCENTS)));
    }

    private static Query addTo(DSLContext tx, ChargeRow row, ChargeSum sum) {
        return tx.insertInto(USAGE_CHARGES)
                .set(USAGE_CHARGES.CUSTOMER, row.customer().raw())
                .set(USAGE_CHARGES.PERIOD, row.period().toString())
                .set(USAGE_CHARGES.CHARGE, row.charge())
                .set(USAGE_CHARGES.QUANTITY, sum.quantity())
                .set(USAGE_CHARGES.CHARGE_MICROCENTS, sum.charge().value())
                .onConflict(USAGE_CHARGES.CUSTOMER, USAGE_CHARGES.PERIOD, USAGE_CHARGES.CHARGE)
                .doUpdate()
                .set(USAGE_CHARGES.QUANTITY, USAGE_CHARGES.QUANTITY.plus(excluded(USAGE_CHARGES.QUANTITY)))
                .set(USAGE_CHARGES.CHARGE_MICROCENTS, USAGE_CHARGES.CHARGE_MICROCENTS.plus(excluded(USAGE_CHARGES.CHARGE_MICROCENTS)));
    }
}
