package io.microcent.invoicing.read.usage;

import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.ChargeAmount;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.platform.kafka.ProjectionRunner;
import io.microcent.platform.kafka.RatedLines;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;

import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sums the lines of {@code usage.rated}, read as batches ({@link io.microcent.model.topic.Topics#USAGE_RATED_BATCHES}:
 * a record of one line reads as a batch of one), each under its own customer (a batch mixes the customers of one
 * partition; its key is only its first line's), into {@code invoicing.usage_periods}, one row per customer and billing period, and
 * into {@code invoicing.usage_charges}, one row per customer, period and charge of the plan
 * ({@link RatedUsage#chargesOrLegacy}, so lines written before they carried their charges count too). A poll's
 * lines are first summed in memory per customer and period, and per customer, period and charge, then added to
 * the stored sums with one upsert per table, inside the {@link ProjectionRunner}'s transaction that also stores
 * the offsets: each line counts exactly once in both tables, whatever restarts or rebalances happen, and a
 * period's charges always add up to its {@code charge_microcents}. A sum that overflows (in memory, or added to
 * the stored one: SQLState 22003) fails the poll; the runner then applies it record by record, and a batch record
 * line by line ({@link io.microcent.platform.kafka.RatedLines}), so only the line that overflows is set aside.
 *
 * <p>Each upsert binds one array per column and unnests them into rows, so its text never changes with the
 * number of rows: the driver keeps it prepared on each connection (its statement cache), and nothing is built
 * or rendered per poll.
 * Rows of one statement are distinct (summed per key first), as ON CONFLICT DO UPDATE requires.
 */
public final class UsageProjection implements ProjectionRunner.Handler<CustomerId, RatedBatch> {

    public static final String NAME = "invoicing-usage";

    private static final String ADD_TO_PERIODS = """
            INSERT INTO invoicing.usage_periods AS stored (customer, period, requests, included_requests,
                    overage_requests, charge_microcents, cost_microcents)
            SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
            ON CONFLICT (customer, period) DO UPDATE SET
                requests = stored.requests + excluded.requests,
                included_requests = stored.included_requests + excluded.included_requests,
                overage_requests = stored.overage_requests + excluded.overage_requests,
                charge_microcents = stored.charge_microcents + excluded.charge_microcents,
                cost_microcents = stored.cost_microcents + excluded.cost_microcents
            """;

    private static final String ADD_TO_CHARGES = """
            INSERT INTO invoicing.usage_charges AS stored (customer, period, charge, quantity, charge_microcents)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])
            ON CONFLICT (customer, period, charge) DO UPDATE SET
                quantity = stored.quantity + excluded.quantity,
                charge_microcents = stored.charge_microcents + excluded.charge_microcents
            """;

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
    public void apply(DSLContext tx, List<ConsumerRecord<CustomerId, RatedBatch>> records) {
        Map<Row, UsageTotals> sums = new LinkedHashMap<>();
        Map<ChargeRow, ChargeSum> chargeSums = new LinkedHashMap<>();
        for (RatedUsage line : RatedLines.of(records)) {
            // the line's own customer, never the record key
            CustomerId customer = line.event().customer();
            sums.merge(new Row(customer, line.period()), UsageTotals.of(line), UsageTotals::plus);
            for (ChargeAmount amount : line.chargesOrLegacy(plans)) {
                chargeSums.merge(new ChargeRow(customer, line.period(), amount.charge()), ChargeSum.of(amount),
                        ChargeSum::plus);
            }
        }
        if (!sums.isEmpty()) {
            upsert(tx, ADD_TO_PERIODS, periodColumns(sums));
        }
        if (!chargeSums.isEmpty()) {
            upsert(tx, ADD_TO_CHARGES, chargeColumns(chargeSums));
        }
    }

    /** Binds one array per column, in the statement's order, and runs it. */
    private static void upsert(DSLContext tx, String sql, Object[] columns) {
        tx.connection(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(sql)) {
                for (int i = 0; i < columns.length; i++) {
                    upsert.setObject(i + 1, columns[i]);
                }
                upsert.executeUpdate();
            }
        });
    }

    private static Object[] periodColumns(Map<Row, UsageTotals> sums) {
        int rows = sums.size();
        String[] customer = new String[rows];
        String[] period = new String[rows];
        long[] requests = new long[rows];
        long[] includedRequests = new long[rows];
        long[] overageRequests = new long[rows];
        long[] charge = new long[rows];
        long[] cost = new long[rows];
        int row = 0;
        for (Map.Entry<Row, UsageTotals> entry : sums.entrySet()) {
            UsageTotals sum = entry.getValue();
            customer[row] = entry.getKey().customer().raw();
            period[row] = entry.getKey().period().toString();
            requests[row] = sum.requests();
            includedRequests[row] = sum.includedRequests();
            overageRequests[row] = sum.overageRequests();
            charge[row] = sum.charge().value();
            cost[row] = sum.cost().value();
            row++;
        }
        return new Object[] {customer, period, requests, includedRequests, overageRequests, charge, cost};
    }

    private static Object[] chargeColumns(Map<ChargeRow, ChargeSum> sums) {
        int rows = sums.size();
        String[] customer = new String[rows];
        String[] period = new String[rows];
        String[] charge = new String[rows];
        long[] quantity = new long[rows];
        long[] chargeMicrocents = new long[rows];
        int row = 0;
        for (Map.Entry<ChargeRow, ChargeSum> entry : sums.entrySet()) {
            customer[row] = entry.getKey().customer().raw();
            period[row] = entry.getKey().period().toString();
            charge[row] = entry.getKey().charge();
            quantity[row] = entry.getValue().quantity();
            chargeMicrocents[row] = entry.getValue().charge().value();
            row++;
        }
        return new Object[] {customer, period, charge, quantity, chargeMicrocents};
    }
}
