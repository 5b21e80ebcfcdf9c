package io.microcent.platform.kafka;

import org.apache.kafka.common.TopicPartition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.util.Collection;
import java.util.Map;

import static org.jooq.impl.DSL.row;

/**
 * Projection offsets in a table of the service's own schema, with columns
 * {@code (projection, topic, partition, next_offset)} and that primary key; each service creates the
 * table in its migrations. Advancing is fenced: the stored offset must still be where the batch started.
 */
public final class TableProjectionOffsets implements ProjectionOffsets {

    private static final Field<String> PROJECTION = DSL.field(DSL.name("projection"), SQLDataType.VARCHAR);
    private static final Field<String> TOPIC = DSL.field(DSL.name("topic"), SQLDataType.VARCHAR);
    private static final Field<Integer> PARTITION = DSL.field(DSL.name("partition"), SQLDataType.INTEGER);
    private static final Field<Long> NEXT_OFFSET = DSL.field(DSL.name("next_offset"), SQLDataType.BIGINT);

    private final Table<Record> table;

    public TableProjectionOffsets(String schema, String tableName) {
        this.table = DSL.table(DSL.name(schema, tableName));
    }

    /** The conventional {@code <schema>.projection_offsets}. */
    public static TableProjectionOffsets inSchema(String schema) {
        return new TableProjectionOffsets(schema, "projection_offsets");
    }

    @Override
    public Map<TopicPartition, Long> load(DSLContext db, String projection, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        return db.select(TOPIC, PARTITION, NEXT_OFFSET).from(table)
                .where(PROJECTION.eq(projection))
                .and(row(TOPIC, PARTITION).in(partitions.stream().map(p -> row(p.topic(), p.partition())).toList()))
                .fetchMap(stored -> new TopicPartition(stored.value1(), stored.value2()), stored -> stored.value3());
    }

    @Override
    public void advance(DSLContext tx, String projection, Map<TopicPartition, Long> fromOffsets,
                        Map<TopicPartition, Long> nextOffsets) {
        for (var next : nextOffsets.entrySet()) {
            TopicPartition partition = next.getKey();
            Long from = fromOffsets.get(partition);
            boolean advanced = from == null
                    ? firstOffsetsStored(tx, projection, partition, next.getValue())
                    : tx.update(table).set(NEXT_OFFSET, next.getValue())
                            .where(PROJECTION.eq(projection), TOPIC.eq(partition.topic()),
                                    PARTITION.eq(partition.partition()), NEXT_OFFSET.eq(from))
                            .execute() == 1;
            if (!advanced) {
                throw new StaleOffsetsException(projection, partition, from);
            }
        }
    }

    /** Nothing stored yet: the first batch of this partition. A concurrent first insert loses on the primary key. */
    private boolean firstOffsetsStored(DSLContext tx, String projection, TopicPartition partition, long next) {
        return tx.insertInto(table, PROJECTION, TOPIC, PARTITION, NEXT_OFFSET)
                .values(projection, partition.topic(), partition.partition(), next)
                .onConflictDoNothing()
                .execute() == 1;
    }
}
