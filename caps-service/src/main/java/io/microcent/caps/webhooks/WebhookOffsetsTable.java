package io.microcent.caps.webhooks;

import io.microcent.platform.kafka.ProjectionOffsets;
import org.apache.kafka.common.TopicPartition;
import org.jooq.DSLContext;
import org.jooq.Query;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import static io.microcent.caps.db.Tables.WEBHOOK_OFFSETS;
import static org.jooq.impl.DSL.row;

/** The {@code caps.alerts} offsets of the alert projection, in {@code caps.webhook_offsets}, beside the deliveries they produced. */
final class WebhookOffsetsTable implements ProjectionOffsets {

    @Override
    public Map<TopicPartition, Long> load(DSLContext db, String projection, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        return db.selectFrom(WEBHOOK_OFFSETS)
                .where(WEBHOOK_OFFSETS.PROJECTION.eq(projection))
                .and(row(WEBHOOK_OFFSETS.TOPIC, WEBHOOK_OFFSETS.PARTITION)
                        .in(partitions.stream().map(p -> row(p.topic(), p.partition())).toList()))
                .fetchMap(stored -> new TopicPartition(stored.getTopic(), stored.getPartition()), stored -> stored.getNextOffset());
    }

    @Override
    public void save(DSLContext tx, String projection, Map<TopicPartition, Long> nextOffsets) {
        List<Query> upserts = nextOffsets.entrySet().stream()
                .<Query>map(offset -> tx.insertInto(WEBHOOK_OFFSETS)
                        .set(WEBHOOK_OFFSETS.PROJECTION, projection)
                        .set(WEBHOOK_OFFSETS.TOPIC, offset.getKey().topic())
                        .set(WEBHOOK_OFFSETS.PARTITION, offset.getKey().partition())
                        .set(WEBHOOK_OFFSETS.NEXT_OFFSET, offset.getValue())
                        .onConflict(WEBHOOK_OFFSETS.PROJECTION, WEBHOOK_OFFSETS.TOPIC, WEBHOOK_OFFSETS.PARTITION)
                        .doUpdate()
                        .set(WEBHOOK_OFFSETS.NEXT_OFFSET, offset.getValue()))
                .toList();
        tx.batch(upserts).execute();
    }
}
