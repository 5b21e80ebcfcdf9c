package io.microcent.model.topic;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Kafka keys that are ids: written as their plain UTF-8 text, so partitioning matches any other client. */
public final class IdSerde {

    private IdSerde() {
    }

    public static <T> Serde<T> of(Function<T, String> toText, Function<String, T> fromText) {
        return Serdes.serdeFrom(
                (topic, id) -> id == null ? null : toText.apply(id).getBytes(StandardCharsets.UTF_8),
                (topic, bytes) -> bytes == null ? null : fromText.apply(new String(bytes, StandardCharsets.UTF_8)));
    }
}
