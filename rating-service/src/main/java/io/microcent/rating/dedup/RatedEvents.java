package io.microcent.rating.dedup;

import io.microcent.model.usage.UsageEvent;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The authoritative dedup, as the rating task sees it: an event whose {@code <customer>|<eventId>} was
 * already rated ({@link RatedEventIds}) is dropped. Ingest's check is a fast first pass, but only here do
 * "seen" and the rated line commit in one transaction.
 *
 * <p>A record holds a batch of events, rated in order, so the ids a batch rates are kept aside
 * ({@link Batch}) and a repeat later in the same batch is dropped too; they are written to the store only
 * once the whole batch is rated ({@link Batch#remember()}), so a batch that fails part way (and is set
 * aside whole) leaves no id behind. Only rated events are remembered: an event that was dead-lettered (say,
 * its customer had no plan yet) is rated when it is sent again.
 *
 * <p>Dropped duplicates are counted in the Kafka Streams metric {@value #METRIC}-total of group
 * {@code stream-rating-dedup-metrics} (Prometheus: {@code kafka_stream_rating_dedup_duplicates_dropped_total}).
 */
public final class RatedEvents {

    public static final String METRIC_SCOPE = "rating-dedup";
    public static final String METRIC = "duplicates-dropped";

    private static final Logger log = LoggerFactory.getLogger(RatedEvents.class);

    private final ProcessingContext context;
    private final WindowStore<String, Long> ids;
    private final Duration retention;
    private final Sensor dropped;

    private RatedEvents(ProcessingContext context, WindowStore<String, Long> ids, Duration retention, Sensor dropped) {
        this.context = context;
        this.ids = ids;
        this.retention = retention;
        this.dropped = dropped;
    }

    /** The task's rated ids ({@value RatedEventIds#STORE}, which the processor must be connected to) and its drop counter. */
    public static RatedEvents of(ProcessingContext context, Duration retention) {
        Objects.requireNonNull(retention, "retention");
        Sensor dropped = context.metrics().addRateTotalSensor(METRIC_SCOPE, "task-" + context.taskId(), METRIC,
                Sensor.RecordingLevel.INFO);
        return new RatedEvents(context, context.getStateStore(RatedEventIds.STORE), retention, dropped);
    }

    /** The dedup of one record's events. */
    public Batch batch() {
        return new Batch();
    }

    public void close() {
        context.metrics().removeSensor(dropped);
    }

    /** One record's events: what it rated so far and what it dropped, neither stored until {@link #remember()}. */
    public final class Batch {

        private final Map<String, UsageEvent> rated = new LinkedHashMap<>();
        private int duplicates;

        private Batch() {
        }

        /** True when the event's id was rated before, or earlier in this batch: the event is to be dropped. */
        public boolean alreadyRated(UsageEvent event) {
            String key = RatedEventIds.key(event);
            if (rated.containsKey(key) || RatedEventIds.contains(ids, event, retention)) {
                duplicates++;
                log.debug("dropping usage {} of customer {}: already rated", event.id(), event.customer());
                return true;
            }
            return false;
        }

        /** The event was rated: a repeat of its id is a duplicate from now on. */
        public void rated(UsageEvent event) {
            rated.putIfAbsent(RatedEventIds.key(event), event);
        }

        /** Stores the ids this batch rated and counts what it dropped; called once nothing can fail any more. */
        public void remember() {
            rated.values().forEach(event -> RatedEventIds.add(ids, event));
            for (int i = 0; i < duplicates; i++) {
                dropped.record();
            }
        }
    }
}
