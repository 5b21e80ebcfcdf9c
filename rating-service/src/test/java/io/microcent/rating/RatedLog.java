package io.microcent.rating;

import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.platform.test.KafkaTestRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.util.List;

/** What the tests read back from {@code usage.rated}, whose records each hold a batch of lines of any customers of a partition. */
public final class RatedLog {

    private RatedLog() {
    }

    /** The customer's lines as a read_committed consumer sees them now, in log order. */
    public static List<RatedUsage> linesOf(String bootstrap, CustomerId customer) {
        return records(bootstrap).stream()
                .flatMap(record -> batchOf(record).lines().stream())
                .filter(line -> line.event().customer().equals(customer))
                .toList();
    }

    /** Every committed record of the topic, as bytes. */
    public static List<ConsumerRecord<byte[], byte[]>> records(String bootstrap) {
        return KafkaTestRecords.readAll(bootstrap, Topics.USAGE_RATED_BATCHES.name(), true,
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    public static RatedBatch batchOf(ConsumerRecord<byte[], byte[]> record) {
        return Topics.USAGE_RATED_BATCHES.valueSerde().deserializer().deserialize(record.topic(), record.value());
    }
}
