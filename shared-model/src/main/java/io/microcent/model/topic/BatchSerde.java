package io.microcent.model.topic;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.List;
import java.util.function.Function;

/**
 * The serde of a topic whose records hold a batch of items ({@code B}) where records of one item
 * ({@code E}) were written before batches existed: a batch is written as a JSON array of items, and a
 * record that is a single item (a JSON object) reads as a batch of one, so the log's older records and
 * producers that still write one item per record read alike.
 */
public final class BatchSerde<B, E> implements Serde<B> {

    private final JsonSerde<E> items;
    private final JsonSerde<List<E>> lists;
    private final Function<B, List<E>> itemsOf;
    private final Function<List<E>, B> batchOf;
    private final String batchName;

    public BatchSerde(Class<E> itemType, String batchName, Function<B, List<E>> itemsOf, Function<List<E>, B> batchOf) {
        this.items = new JsonSerde<>(itemType);
        this.lists = JsonSerde.listOf(itemType);
        this.itemsOf = itemsOf;
        this.batchOf = batchOf;
        this.batchName = batchName;
    }

    @Override
    public Serializer<B> serializer() {
        Serializer<List<E>> list = lists.serializer();
        return (topic, batch) -> batch == null ? null : list.serialize(topic, itemsOf.apply(batch));
    }

    @Override
    public Deserializer<B> deserializer() {
        Deserializer<E> item = items.deserializer();
        Deserializer<List<E>> list = lists.deserializer();
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return isArray(bytes) ? batchOf.apply(list.deserialize(topic, bytes)) : batchOf.apply(List.of(item.deserialize(topic, bytes)));
            } catch (IllegalArgumentException e) {
                throw new SerializationException("cannot read " + batchName + " from " + topic + ": " + e.getMessage(), e);
            }
        };
    }

    private static boolean isArray(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b == '[';
            }
        }
        return false;
    }
}
