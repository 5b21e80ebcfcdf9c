package io.microcent.model.topic;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.microcent.model.json.Json;
import io.microcent.model.topic.wire.BinaryRecords;
import io.microcent.model.topic.wire.WireFormat;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import org.apache.kafka.common.errors.SerializationException;

import java.io.EOFException;
import java.io.IOException;
import java.util.List;

/**
 * How the records of one usage topic are written and read, whichever serde reads them: written binary
 * ({@link BinaryRecords}); read binary, one item or a batch, or JSON as producers wrote it before (an object is
 * one item, an array a batch). Every failure is a {@link SerializationException} naming the topic and why.
 */
final class UsageRecords<E> {

    static final UsageRecords<UsageEvent> USAGE_EVENTS = new UsageRecords<>(BinaryRecords.USAGE_EVENTS,
            UsageEvent.class, "usage event", "usage events", "Topics.USAGE_EVENT_BATCHES");
    static final UsageRecords<RatedUsage> USAGE_RATED = new UsageRecords<>(BinaryRecords.USAGE_RATED,
            RatedUsage.class, "rated line", "rated lines", "Topics.USAGE_RATED_BATCHES");

    private final BinaryRecords<E> binary;
    private final JsonSerde<E> jsonItem;
    private final JsonSerde<List<E>> jsonList;
    private final String itemName;
    private final String itemsName;
    private final String batchTopic;

    private UsageRecords(BinaryRecords<E> binary, Class<E> type, String itemName, String itemsName, String batchTopic) {
        this.binary = binary;
        this.jsonItem = new JsonSerde<>(type);
        this.jsonList = JsonSerde.listOf(type);
        this.itemName = itemName;
        this.itemsName = itemsName;
        this.batchTopic = batchTopic;
    }

    byte[] writeOne(String topic, E item) {
        try {
            return binary.writeOne(item);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write a " + itemName + " to " + topic + ": " + e.getMessage(), e);
        }
    }

    byte[] writeBatch(String topic, List<E> items) {
        try {
            return binary.writeBatch(items);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write " + itemsName + " to " + topic + ": " + e.getMessage(), e);
        }
    }

    /** The items of a record, in order: one for a single item, any number for a batch (even none: the caller's rule). */
    List<E> read(String topic, byte[] value) {
        if (WireFormat.isBinary(value)) {
            try {
                return binary.read(value);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot read " + itemsName + " from " + topic + ": " + reason(e), e);
            }
        }
        return isJsonArray(value) ? jsonList.deserializer().deserialize(topic, value) : List.of(jsonItem.deserializer().deserialize(topic, value));
    }

    /** The one item of a record; a batch of one is that item, a batch of several is not for a single-item reader. */
    E readOne(String topic, byte[] value) {
        List<E> items = read(topic, value);
        if (items.size() != 1) {
            throw new SerializationException("the " + topic + " record holds " + items.size() + " " + itemsName
                    + ", not one; read it as a batch (" + batchTopic + ")");
        }
        return items.getFirst();
    }

    /** A binary record as JSON (an object for one item, an array for a batch); any other value as its UTF-8 text. */
    String asJson(String topic, byte[] value) {
        if (!WireFormat.isBinary(value)) {
            return Topics.utf8Text(value);
        }
        List<E> items = read(topic, value);
        try {
            return Json.mapper().writeValueAsString(binary.isBatch(value) ? items : items.getFirst());
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot show the " + topic + " record as JSON", e);
        }
    }

    private static String reason(Exception e) {
        return e instanceof EOFException ? "the record ends before its body does" : e.getMessage();
    }

    private static boolean isJsonArray(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b == '[';
            }
        }
        return false;
    }
}
