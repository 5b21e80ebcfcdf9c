package io.microcent.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.List;

import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;

/**
 * How a record of {@code usage.rated} read as batches ({@link io.microcent.model.topic.Topics#USAGE_RATED_BATCHES})
 * holds its lines, for every projection of it: a line that fails alone is set aside alone, as a record of one line
 * (the form a record had before batches), keyed by its own customer (a batch's key is only its first line's), with
 * {@code line i of n} in its detail.
 */
public final class RatedLines {

    public static final ProjectionRunner.Items<CustomerId, RatedBatch, RatedUsage> ITEMS =
            new ProjectionRunner.Items<>("line", RatedBatch::lines, RatedBatch::of, line -> line.event().customer());

    private RatedLines() {
    }

    /** Every line of a poll's records, in order, each to be taken under its own customer; a record without value holds none. */
    public static List<RatedUsage> of(List<? extends ConsumerRecord<?, RatedBatch>> records) {
        List<RatedUsage> lines = new ArrayList<>();
        for (ConsumerRecord<?, RatedBatch> record : records) {
            if (record.value() != null) {
                lines.addAll(record.value().lines());
            }
        }
        return lines;
    }
}
