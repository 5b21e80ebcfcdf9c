package io.microcent.rating.rollups;

import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.RatedBatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Where the rollup sets aside one line of a {@link RatedBatch} that fails alone: the runner sets aside whole
 * records, and a batch's other lines must still count.
 */
@FunctionalInterface
public interface LineDeadLetters {

    /**
     * Sets the record's line (its index in the batch) aside, durably, before returning: the transaction that
     * stores the record's offset commits after. Throws a transient failure when it could not, so the poll is retried.
     */
    void setAside(ConsumerRecord<CustomerId, RatedBatch> record, int line, RuntimeException failure);
}
