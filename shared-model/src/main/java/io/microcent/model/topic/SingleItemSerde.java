package io.microcent.model.topic;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of a usage topic read one item per record: it writes a binary record of one item, and reads any
 * record of the topic that holds exactly one (binary single or batch of one, JSON object or array of one).
 */
final class SingleItemSerde<E> implements Serde<E> {

    private final UsageRecords<E> records;

    SingleItemSerde(UsageRecords<E> records) {
        this.records = records;
    }

    @Override
    public Serializer<E> serializer() {
        return (topic, item) -> item == null ? null : records.writeOne(topic, item);
    }

    @Override
    public Deserializer<E> deserializer() {
        return (topic, bytes) -> bytes == null ? null : records.readOne(topic, bytes);
    }
}
