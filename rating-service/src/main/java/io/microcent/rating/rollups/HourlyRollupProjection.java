package io.microcent.rating.rollups;

import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.platform.kafka.ProjectionRunner;
import io.microcent.platform.kafka.RatedLines;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Adds {@code usage.rated} to {@code rating.usage_hourly} and {@code rating.usage_daily}. Each record is a
 * {@link RatedBatch} of lines (a record of one line, as written before batches, reads as a batch of one). A poll's
 * lines are summed per row in memory ({@link HourlySums}), then added to the stored counters by one upsert,
 * inside the {@link ProjectionRunner}'s transaction that also stores the offsets: each record counts exactly once, whatever restarts, replays or
 * rebalances happen.
 *
 * <p>The upsert binds one array per column and unnests them into rows, so its text never changes with the
 * number of rows: the driver keeps it prepared on each connection (its statement cache), and nothing is built
 * or rendered per poll.
 */
public final class HourlyRollupProjection implements ProjectionRunner.Handler<CustomerId, RatedBatch> {

    /** The projection's name: its consumer group and its key in {@code rating.projection_offsets}. */
    public static final String NAME = "rating-usage-hourly";

    /** The rollup tables, each keyed by the customer, its time column and every dimension. */
    private static final String DIMENSIONS = "period, project, cost_center, api_key_id, user_id, team, provider, model, tags";
    private static final String COUNTERS = "requests, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, "
            + "cost_microcents, charge_microcents";

    /**
     * Rows of one statement are distinct (summed per key first), as ON CONFLICT DO UPDATE requires. An array of
     * arrays cannot unnest into a column of arrays, so each row's tags come as the text form of a {@code text[]}
     * ({@link #textArray}) and are turned back in the SELECT; the hour comes as epoch seconds, bound as a
     * {@code bigint[]} like the counters. An absent dimension is {@link HourlyKey#ABSENT}, never NULL, so it
     * takes part in the conflict target like any value. A sum beyond {@code bigint} fails the statement
     * (SQLState 22003), as an overflow in memory does, and the runner sets the line aside.
     *
     * <p>One statement writes both tables: the hourly rows, and the same rows summed per UTC day added to
     * {@code usage_daily} (the sums are numeric and cast back, so a day beyond {@code bigint} fails the same way).
     * A data-modifying CTE runs once whether or not it is read, and both writes see the same {@code batch}.
     */
    private static final String UPSERT = """
            WITH batch AS (
                SELECT customer, to_timestamp(hour_epoch) AS hour, period, project, cost_center, api_key_id, user_id,
                        team, provider, model, tags::text[] AS tags, %2$s
                FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
                        ?::bigint[], ?::bigint[])
                    AS unnested (customer, hour_epoch, %1$s, %2$s)
            ), hourly AS (
                INSERT INTO rating.usage_hourly AS stored (customer, hour, %1$s, %2$s)
                SELECT customer, hour, %1$s, %2$s FROM batch
                ON CONFLICT (customer, hour, %1$s) DO UPDATE SET %3$s
            )
            INSERT INTO rating.usage_daily AS stored (customer, day, %1$s, %2$s)
            SELECT customer, (hour AT TIME ZONE 'UTC')::date, %1$s, %4$s FROM batch
            GROUP BY customer, (hour AT TIME ZONE 'UTC')::date, %1$s
            ON CONFLICT (customer, day, %1$s) DO UPDATE SET %3$s
            """.formatted(DIMENSIONS, COUNTERS, addedToStored(), summedAsBigints());

    /** {@code requests = stored.requests + excluded.requests, …}: the counters added to the stored row's. */
    private static String addedToStored() {
        return COUNTERS.replaceAll("(\\w+)", "$1 = stored.$1 + excluded.$1");
    }

    /** {@code sum(requests)::bigint, …}: a day's counters of the batch. */
    private static String summedAsBigints() {
        return COUNTERS.replaceAll("(\\w+)", "sum($1)::bigint");
    }

    /**
     * Adds every line of the records. Should a line fail for a reason that is the data's, the whole poll fails and
     * the runner applies its records one by one, and a record of several lines line by line ({@link RatedLines}):
     * a line that fails alone is set aside with its reason while the others count.
     */
    @Override
    public void apply(DSLContext tx, List<ConsumerRecord<CustomerId, RatedBatch>> records) {
        List<RatedUsage> lines = RatedLines.of(records);
        tx.connection(connection -> upsert(connection, lines));
    }

    private static void upsert(Connection connection, List<RatedUsage> lines) throws SQLException {
        Map<HourlyKey, UsageCounters> sums = HourlySums.of(lines);
        if (sums.isEmpty()) {
            return;
        }
        Object[] columns = columnsOf(sums);
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            for (int i = 0; i < columns.length; i++) {
                upsert.setObject(i + 1, columns[i]);
            }
            upsert.executeUpdate();
        }
    }

    /** One array per column of {@link #UPSERT}, in its order; primitive arrays, which the driver binds in binary. */
    private static Object[] columnsOf(Map<HourlyKey, UsageCounters> sums) {
        int rows = sums.size();
        String[] customer = new String[rows];
        long[] hour = new long[rows];
        String[] period = new String[rows];
        String[] project = new String[rows];
        String[] costCenter = new String[rows];
        String[] apiKeyId = new String[rows];
        String[] user = new String[rows];
        String[] team = new String[rows];
        String[] provider = new String[rows];
        String[] model = new String[rows];
        String[] tags = new String[rows];
        long[] requests = new long[rows];
        long[] inputTokens = new long[rows];
        long[] outputTokens = new long[rows];
        long[] cacheReadTokens = new long[rows];
        long[] cacheWriteTokens = new long[rows];
        long[] cost = new long[rows];
        long[] charge = new long[rows];
        int row = 0;
        for (Map.Entry<HourlyKey, UsageCounters> entry : sums.entrySet()) {
            HourlyKey key = entry.getKey();
            UsageCounters sum = entry.getValue();
            customer[row] = key.customer().raw();
            hour[row] = key.hour().getEpochSecond();
            period[row] = key.period().toString();
            project[row] = key.project();
            costCenter[row] = key.costCenter();
            apiKeyId[row] = key.apiKeyId();
            user[row] = key.user();
            team[row] = key.team();
            provider[row] = key.provider();
            model[row] = key.model();
            tags[row] = textArray(key.tags());
            requests[row] = sum.requests();
            inputTokens[row] = sum.inputTokens();
            outputTokens[row] = sum.outputTokens();
            cacheReadTokens[row] = sum.cacheReadTokens();
            cacheWriteTokens[row] = sum.cacheWriteTokens();
            cost[row] = sum.cost().value();
            charge[row] = sum.charge().value();
            row++;
        }
        return new Object[] {customer, hour, period, project, costCenter, apiKeyId, user, team, provider, model, tags,
                requests, inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens, cost, charge};
    }

    /**
     * PostgreSQL's text form of a {@code text[]} holding {@code elements}: {@code {"env:prod","note:a \"b\""}}.
     * Every element is quoted, with {@code "} and {@code \} escaped, so that a tag value's commas, braces,
     * blanks or the word NULL stay text of one element.
     */
    private static String textArray(List<String> elements) {
        StringBuilder text = new StringBuilder(2 + elements.size() * 24).append('{');
        for (String element : elements) {
            if (text.length() > 1) {
                text.append(',');
            }
            text.append('"');
            for (int i = 0; i < element.length(); i++) {
                char c = element.charAt(i);
                if (c == '"' || c == '\\') {
                    text.append('\\');
                }
                text.append(c);
            }
            text.append('"');
        }
        return text.append('}').toString();
    }
}
