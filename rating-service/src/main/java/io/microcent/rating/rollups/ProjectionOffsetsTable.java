package io.microcent.rating.rollups;

import io.microcent.platform.kafka.ProjectionOffsets;
import org.apache.kafka.common.TopicPartition;
import org.jooq.DSLContext;
import org.jooq.Query;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import static io.microcent.rating.db.Tables.PROJECTION_OFFSETS;
import static org.jooq.impl.DSL.row;

/** The Kafka offsets of the rating schema's projections, in {@code rating.projection_offsets}. */
public final class ProjectionOffsetsTable implements ProjectionOffsets {

    @Override
    public Map<TopicPartition, Long> load(DSLContext db, String projection, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        return db.selectFrom(PROJECTION_OFFSETS)
                .where(PROJECTION_OFFSETS.PROJECTION.eq(projection))
                .and(row(PROJECTION_OFFSETS.TOPIC, PROJECTION_OFFSETS.PARTITION)
                        .in(partitions.stream().map(p -> row(p.topic(), p.partition())).toList()))
                .fetchMap(stored -> new TopicPartition(stored.getTopic(), stored.getPartition()), stored -> stored.getNextOffset());
    }

    @Override
    public void save(DSLContext tx, String projection, Map<TopicPartition, Long> nextOffsets) {
        List<Query> upserts = nextOffsets.entrySet().stream()
                .<Query>map(offset -> tx.insertInto(PROJECTION_OFFSETS)
                        .set(PROJECTION_OFFSETS.PROJECTION, projection)
                        .set(PROJECTION_OFFSETS.TOPIC, offset.getKey().topic())
                        .set(PROJECTION_OFFSETS.PARTITION, offset.getKey().partition())
                        .set(PROJECTION_OFFSETS.NEXT_OFFSET, offset.getValue())
                        .onConflict(PROJECTION_OFFSETS.PROJECTION, PROJECTION_OFFSETS.TOPIC, PROJECTION_OFFSETS.PARTITION)
                        .doUpdate()
                        .set(PROJECTION_OFFSETS.NEXT_OFFSET, offset.getValue()))
                .toList();
        tx.batch(upserts).execute();
    }
}
