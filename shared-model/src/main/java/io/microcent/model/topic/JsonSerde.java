package io.microcent.model.topic;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.microcent.model.json.Json;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.util.List;

/** A Kafka serde writing one record type as JSON with the shared {@link Json} configuration. */
public final class JsonSerde<T> implements Serde<T> {

    private final ObjectReader reader;
    private final ObjectWriter writer;
    private final String typeName;

    public JsonSerde(Class<T> type) {
        this(Json.mapper().constructType(type), type.getSimpleName());
    }

    private JsonSerde(JavaType type, String typeName) {
        this.typeName = typeName;
        this.reader = Json.mapper().readerFor(type);
        this.writer = Json.mapper().writerFor(type);
    }

    /** A serde of a JSON array of {@code itemType}. */
    public static <E> JsonSerde<List<E>> listOf(Class<E> itemType) {
        return new JsonSerde<>(Json.mapper().getTypeFactory().constructCollectionType(List.class, itemType),
                "a list of " + itemType.getSimpleName());
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return writer.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + typeName + " to " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return reader.readValue(bytes);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot read " + typeName + " from " + topic, e);
            }
        };
    }
}
