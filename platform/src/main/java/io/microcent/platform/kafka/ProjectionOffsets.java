package io.microcent.platform.kafka;

import org.apache.kafka.common.TopicPartition;
import org.jooq.DSLContext;

import java.util.Collection;
import java.util.Map;

/**
 * Where a projection keeps the Kafka offsets it has applied: in its own database, written in the same
 * transaction as the projected rows, so a replay or a crash can never apply a record twice or skip one.
 * Each service implements it on a table of its own schema.
 */
public interface ProjectionOffsets {

    /** The next offset to read per partition, for the partitions that have one stored. */
    Map<TopicPartition, Long> load(DSLContext db, String projection, Collection<TopicPartition> partitions);

    /** Stores the next offset to read per partition; called inside the projection's transaction. */
    void save(DSLContext tx, String projection, Map<TopicPartition, Long> nextOffsets);
}
