package io.microcent.platform.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a Streams application's state restoration: a store rebuilt from its changelog is what makes a
 * start slow, so each restoration is logged with its size, and the records restored are counted in
 * {@value #METRIC} (tags {@code app} and {@code store}). After a clean stop nothing should be restored but
 * what other instances wrote meanwhile.
 */
final class RestoreProgress implements StateRestoreListener {

    static final String METRIC = "microcent.streams.restored.records";

    private static final Logger log = LoggerFactory.getLogger(RestoreProgress.class);

    private final String app;
    private final MeterRegistry meters;

    RestoreProgress(String app, MeterRegistry meters) {
        this.app = app;
        this.meters = meters;
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        // a range of one may be nothing but a transaction marker: only what was restored is worth an INFO line
        log.debug("{} streams: restoring store {} from {} offsets {} to {}", app, store, partition, startingOffset, endingOffset);
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        Counter.builder(METRIC).tag("app", app).tag("store", store)
                .description("records restored into a state store from its changelog").register(meters)
                .increment(numRestored);
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        if (totalRestored > 0) {
            log.info("{} streams: restored store {} from {}: {} records", app, store, partition, totalRestored);
        }
    }
}
