package io.microcent.rating.rollups;

import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.RatedUsage;
import io.microcent.platform.kafka.ProjectionRunner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

/**
 * Adds {@code usage.rated} to {@code rating.usage_hourly}. A poll's records are summed per row in memory
 * ({@link HourlySums}), then added to the stored counters by one upsert, inside the {@link ProjectionRunner}'s
 * transaction that also stores the offsets: each record counts exactly once, whatever restarts, replays or
 * rebalances happen.
 *
 * <p>The upsert binds one array per column and unnests them into rows, so its text never changes with the
 * number of rows: the driver keeps it prepared on each connection (its statement cache), and nothing is built
 * or rendered per poll.
 */
public final class HourlyRollupProjection implements ProjectionRunner.Handler<CustomerId, RatedUsage> {

    /** The projection's name: its consumer group and its key in {@code rating.projection_offsets}. */
    public static final String NAME = "rating-usage-hourly";

    /**
     * Rows of one statement are distinct (summed per key first), as ON CONFLICT DO UPDATE requires. An array of
     * arrays cannot unnest into a column of arrays, so each row's tags come as the text form of a {@code text[]}
     * ({@link #textArray}) and are turned back in the SELECT; the hour comes as epoch seconds, bound as a
     * {@code bigint[]} like the counters. An absent dimension is {@link HourlyKey#ABSENT}, never NULL, so it
     * takes part in the conflict target like any value. A sum beyond {@code bigint} fails the statement
     * (SQLState 22003), as an overflow in memory does, and the runner sets the record aside.
     */
    private static final String UPSERT = """
            INSERT INTO rating.usage_hourly AS stored (customer, hour, period, project, cost_center, api_key_id,
                    user_id, team, provider, model, tags, requests, input_tokens, output_tokens, cache_read_tokens,
                    cache_write_tokens, cost_microcents, charge_microcents)
            SELECT customer, to_timestamp(hour_epoch), period, project, cost_center, api_key_id, user_id, team,
                    provider, model, tags::text[], requests, input_tokens, output_tokens, cache_read_tokens,
                    cache_write_tokens, cost_microcents, charge_microcents
            FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
                    ?::bigint[], ?::bigint[])
                AS batch (customer, hour_epoch, period, project, cost_center, api_key_id, user_id, team, provider,
                    model, tags, requests, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens,
                    cost_microcents, charge_microcents)
            ON CONFLICT (customer, hour, period, project, cost_center, api_key_id, user_id, team, provider, model, tags)
            DO UPDATE SET
                requests = stored.requests + excluded.requests,
                input_tokens = stored.input_tokens + excluded.input_tokens,
                output_tokens = stored.output_tokens + excluded.output_tokens,
                cache_read_tokens = stored.cache_read_tokens + excluded.cache_read_tokens,
                cache_write_tokens = stored.cache_write_tokens + excluded.cache_write_tokens,
                cost_microcents = stored.cost_microcents + excluded.cost_microcents,
                charge_microcents = stored.charge_microcents + excluded.charge_microcents
            """;

    @Override
    public void apply(DSLContext tx, List<ConsumerRecord<CustomerId, RatedUsage>> records) {
        Map<HourlyKey, UsageCounters> sums = HourlySums.of(records.stream().map(ConsumerRecord::value).toList());
        if (sums.isEmpty()) {
            return;
        }
        Object[] columns = columnsOf(sums);
        tx.connection(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (int i = 0; i < columns.length; i++) {
                    upsert.setObject(i + 1, columns[i]);
                }
                upsert.executeUpdate();
            }
        });
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
