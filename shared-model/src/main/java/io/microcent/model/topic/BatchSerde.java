package io.microcent.model.topic;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.List;
import java.util.function.Function;

/**
 * The serde of a usage topic whose records hold a batch of items ({@code B}): a batch is written as one
 * binary batch record ({@link UsageRecords}), and every record of the topic reads as a batch, so a record of
 * one item (binary, or JSON as written before batches existed) reads as a batch of one, and a JSON array as
 * a batch.
 */
public final class BatchSerde<B, E> implements Serde<B> {

    private final UsageRecords<E> records;
    private final Function<B, List<E>> itemsOf;
    private final Function<List<E>, B> batchOf;
    private final String batchName;

    BatchSerde(UsageRecords<E> records, String batchName, Function<B, List<E>> itemsOf, Function<List<E>, B> batchOf) {
        this.records = records;
        this.itemsOf = itemsOf;
        this.batchOf = batchOf;
        this.batchName = batchName;
    }

    @Override
    public Serializer<B> serializer() {
        return (topic, batch) -> batch == null ? null : records.writeBatch(topic, itemsOf.apply(batch));
    }

    @Override
    public Deserializer<B> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            List<E> items = records.read(topic, bytes);
            try {
                return batchOf.apply(items);
            } catch (IllegalArgumentException e) {
                throw new SerializationException("cannot read " + batchName + " from " + topic + ": " + e.getMessage(), e);
            }
        };
    }
}
