package io.microcent.rating.dedup;

import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.UsageEvent;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;

/**
 * Drops a usage event whose {@code <customer>|<eventId>} was already rated ({@link RatedEventIds}); every
 * other record goes on to rating unchanged. This is the authoritative dedup: ingest's check is a fast
 * first pass, but only here do "seen" and the rated line commit in one transaction.
 *
 * <p>Dropped duplicates are counted in the Kafka Streams metric {@value #METRIC}-total of group
 * {@code stream-rating-dedup-metrics} (Prometheus: {@code kafka_stream_rating_dedup_duplicates_dropped_total}).
 */
public final class DropRatedDuplicates implements FixedKeyProcessor<CustomerId, UsageEvent, UsageEvent> {

    public static final String METRIC_SCOPE = "rating-dedup";
    public static final String METRIC = "duplicates-dropped";

    private static final Logger log = LoggerFactory.getLogger(DropRatedDuplicates.class);

    private final Duration retention;
    private FixedKeyProcessorContext<CustomerId, UsageEvent> context;
    private WindowStore<String, Long> ratedIds;
    private Sensor dropped;

    public DropRatedDuplicates(Duration retention) {
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    @Override
    public void init(FixedKeyProcessorContext<CustomerId, UsageEvent> context) {
        this.context = context;
        this.ratedIds = context.getStateStore(RatedEventIds.STORE);
        this.dropped = context.metrics().addRateTotalSensor(METRIC_SCOPE, "task-" + context.taskId(), METRIC,
                Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(FixedKeyRecord<CustomerId, UsageEvent> record) {
        UsageEvent event = record.value();
        // a record without a value has no id; rating dead-letters it
        if (event != null && RatedEventIds.contains(ratedIds, event, retention)) {
            dropped.record();
            log.debug("dropping usage {} of customer {}: already rated", event.id(), event.customer());
            return;
        }
        context.forward(record);
    }

    @Override
    public void close() {
        if (dropped != null) {
            context.metrics().removeSensor(dropped);
        }
    }
}
