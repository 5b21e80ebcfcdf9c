package io.microcent.rating.rollups;

import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.RatedUsage;
import io.microcent.platform.kafka.ProjectionRunner;
import io.microcent.rating.db.tables.records.UsageHourlyRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.TableField;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.microcent.rating.db.Tables.USAGE_HOURLY;
import static org.jooq.impl.DSL.excluded;

/**
 * Adds {@code usage.rated} to {@code rating.usage_hourly}. A poll's records are summed per row in memory
 * ({@link HourlySums}), then added to the stored counters by multi-row upserts, inside the
 * {@link ProjectionRunner}'s transaction that also stores the offsets: each record counts exactly once,
 * whatever restarts, replays or rebalances happen.
 */
public final class HourlyRollupProjection implements ProjectionRunner.Handler<CustomerId, RatedUsage> {

    /** The projection's name: its consumer group and its key in {@code rating.projection_offsets}. */
    public static final String NAME = "rating-usage-hourly";

    /** Rows per upsert statement: 18 bind values a row stays far below PostgreSQL's 32,767 a statement. */
    static final int ROWS_PER_STATEMENT = 1_000;

    /** The counters an upsert adds to the stored ones on conflict. */
    private static final List<TableField<UsageHourlyRecord, Long>> COUNTERS = List.of(
            USAGE_HOURLY.REQUESTS, USAGE_HOURLY.INPUT_TOKENS, USAGE_HOURLY.OUTPUT_TOKENS, USAGE_HOURLY.CACHE_READ_TOKENS,
            USAGE_HOURLY.CACHE_WRITE_TOKENS, USAGE_HOURLY.COST_MICROCENTS, USAGE_HOURLY.CHARGE_MICROCENTS);

    private static final Map<Field<?>, Field<?>> ADD_TO_STORED = COUNTERS.stream()
            .collect(Collectors.toMap(Function.identity(), counter -> counter.plus(excluded(counter))));

    @Override
    public void apply(DSLContext tx, List<ConsumerRecord<CustomerId, RatedUsage>> records) {
        List<Map.Entry<HourlyKey, UsageCounters>> rows =
                List.copyOf(HourlySums.of(records.stream().map(ConsumerRecord::value).toList()).entrySet());
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            upsert(tx, rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
        }
    }

    private static void upsert(DSLContext tx, List<Map.Entry<HourlyKey, UsageCounters>> rows) {
        var insert = tx.insertInto(USAGE_HOURLY,
                USAGE_HOURLY.CUSTOMER, USAGE_HOURLY.HOUR, USAGE_HOURLY.PERIOD, USAGE_HOURLY.PROJECT,
                USAGE_HOURLY.COST_CENTER, USAGE_HOURLY.API_KEY_ID, USAGE_HOURLY.USER_ID, USAGE_HOURLY.TEAM,
                USAGE_HOURLY.PROVIDER, USAGE_HOURLY.MODEL, USAGE_HOURLY.TAGS,
                USAGE_HOURLY.REQUESTS, USAGE_HOURLY.INPUT_TOKENS, USAGE_HOURLY.OUTPUT_TOKENS,
                USAGE_HOURLY.CACHE_READ_TOKENS, USAGE_HOURLY.CACHE_WRITE_TOKENS,
                USAGE_HOURLY.COST_MICROCENTS, USAGE_HOURLY.CHARGE_MICROCENTS);
        for (Map.Entry<HourlyKey, UsageCounters> row : rows) {
            HourlyKey key = row.getKey();
            UsageCounters sum = row.getValue();
            insert = insert.values(key.customer().raw(), key.hour().atOffset(ZoneOffset.UTC), key.period().toString(),
                    key.project(), key.costCenter(), key.apiKeyId(), key.user(), key.team(), key.provider(), key.model(),
                    key.tags().toArray(String[]::new),
                    sum.requests(), sum.inputTokens(), sum.outputTokens(), sum.cacheReadTokens(), sum.cacheWriteTokens(),
                    sum.cost().value(), sum.charge().value());
        }
        // rows of one statement are distinct (summed per key above), as ON CONFLICT DO UPDATE requires
        insert.onConflict(USAGE_HOURLY.getPrimaryKey().getFields())
                .doUpdate()
                .set(ADD_TO_STORED)
                .execute();
    }
}
