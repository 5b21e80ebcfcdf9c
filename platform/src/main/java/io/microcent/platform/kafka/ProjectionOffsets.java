package io.microcent.platform.kafka;

import org.apache.kafka.common.TopicPartition;
import org.jooq.DSLContext;

import java.util.Collection;
import java.util.Map;

/**
 * Where a projection keeps the Kafka offsets it has applied: in its own database, written in the same
 * transaction as the projected rows, so a replay or a crash can never apply a record twice or skip one.
 * {@link TableProjectionOffsets} is the implementation every service uses, on a table of its own schema.
 */
public interface ProjectionOffsets {

    /** The next offset to read per partition, for the partitions that have one stored. */
    Map<TopicPartition, Long> load(DSLContext db, String projection, Collection<TopicPartition> partitions);

    /**
     * Advances the stored offsets from {@code fromOffsets} (what the consumer believes is stored; a
     * {@code null} value: nothing stored yet) to {@code nextOffsets}, inside the projection's transaction. Throws {@link StaleOffsetsException} when a
     * stored offset is no longer {@code fromOffsets}: another consumer applied that batch meanwhile (a
     * rebalance while this one stalled), so this transaction must roll back rather than count it twice.
     */
    void advance(DSLContext tx, String projection, Map<TopicPartition, Long> fromOffsets, Map<TopicPartition, Long> nextOffsets);

    /** Thrown by {@link #advance} when another consumer has moved a partition's offset. */
    final class StaleOffsetsException extends RuntimeException {
        public StaleOffsetsException(String projection, TopicPartition partition, Long expected) {
            super("projection " + projection + ": " + partition + " is no longer at offset " + (expected == null ? "(none)" : expected)
                    + "; another consumer applied it");
        }
    }
}
