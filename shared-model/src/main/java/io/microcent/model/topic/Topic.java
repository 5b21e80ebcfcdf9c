package io.microcent.model.topic;

import org.apache.kafka.common.serialization.Serde;

import java.util.Objects;

/**
 * A Kafka topic with the serdes of its keys and values, declared once in {@link Topics}; services never
 * spell a topic name or pick a serde themselves.
 *
 * @param retention {@link Retention#LOG} keeps every record (the usage log, re-rating replays it);
 *                  {@link Retention#COMPACTED} keeps the latest value per key (state)
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Retention retention) {

    public enum Retention { LOG, COMPACTED }

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        Objects.requireNonNull(retention, "retention");
    }

    @Override
    public String toString() {
        return name;
    }
}
