package io.microcent.invoicing.read.usage;

import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.RatedUsage;
import io.microcent.platform.kafka.ProjectionRunner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.jooq.Query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.microcent.invoicing.db.Tables.USAGE_PERIODS;
import static org.jooq.impl.DSL.excluded;

/**
 * Sums {@code usage.rated} into {@code invoicing.usage_periods}, one row per customer and billing period.
 * A poll's records are first summed in memory, then added to the stored sums with one upsert per row,
 * inside the {@link ProjectionRunner}'s transaction that also stores the offsets: each record counts
 * exactly once, whatever restarts or rebalances happen.
 */
public final class UsageProjection implements ProjectionRunner.Handler<CustomerId, RatedUsage> {

    public static final String NAME = "invoicing-usage";

    private record Row(CustomerId customer, BillingPeriod period) {
    }

    @Override
    public void apply(DSLContext tx, List<ConsumerRecord<CustomerId, RatedUsage>> records) {
        Map<Row, UsageTotals> sums = new LinkedHashMap<>();
        for (ConsumerRecord<CustomerId, RatedUsage> record : records) {
            RatedUsage usage = record.value();
            if (usage != null) {
                sums.merge(new Row(usage.event().customer(), usage.period()), UsageTotals.of(usage), UsageTotals::plus);
            }
        }
        List<Query> upserts = sums.entrySet().stream().map(sum -> addTo(tx, sum.getKey(), sum.getValue())).toList();
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
}
