package io.microcent.rating.stream;

import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** {@code usage.rated} under a {@link TopologyTestDriver}, read line by line: each record holds a batch of lines. */
final class RatedLines {

    private final TestOutputTopic<CustomerId, RatedBatch> records;
    private final Deque<RatedUsage> unread = new ArrayDeque<>();

    RatedLines(TopologyTestDriver driver) {
        this.records = driver.createOutputTopic(Topics.USAGE_RATED_BATCHES.name(),
                Topics.USAGE_RATED_BATCHES.keySerde().deserializer(), Topics.USAGE_RATED_BATCHES.valueSerde().deserializer());
    }

    RatedUsage readValue() {
        fetch();
        if (unread.isEmpty()) {
            throw new java.util.NoSuchElementException("no rated line on " + Topics.USAGE_RATED_BATCHES.name());
        }
        return unread.removeFirst();
    }

    List<RatedUsage> readValuesToList() {
        fetch();
        List<RatedUsage> lines = new ArrayList<>(unread);
        unread.clear();
        return lines;
    }

    /** The records not read yet, each a batch with its key; lines already read one by one are not among them. */
    List<TestRecord<CustomerId, RatedBatch>> readRecordsToList() {
        return records.readRecordsToList();
    }

    /** The next record not read yet: one batch with its key. */
    TestRecord<CustomerId, RatedBatch> readRecord() {
        return records.readRecord();
    }

    boolean isEmpty() {
        fetch();
        return unread.isEmpty();
    }

    private void fetch() {
        records.readValuesToList().forEach(batch -> unread.addAll(batch.lines()));
    }
}
