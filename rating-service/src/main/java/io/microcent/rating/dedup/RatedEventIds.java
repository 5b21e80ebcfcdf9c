package io.microcent.rating.dedup;

import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.kafka.CheckpointedWindowStore;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

import java.time.Duration;
import java.time.Instant;

/**
 * The ids of the usage events rating has rated, in the {@value #STORE} window store: key
 * {@code <customer>|<eventId>}, stored at the event's ingest time, value that ingest time in epoch
 * milliseconds. A window store drops whole segments once they are older than the retention (measured on
 * the records' timestamps, which are ingest times), so old ids expire without a scan.
 *
 * <p>The store is changelogged and written by the rating task in the same exactly-once transaction as
 * the rated output, so an id is "rated" exactly when its {@code usage.rated} line was committed.
 */
public final class RatedEventIds {

    public static final String STORE = "rated-event-ids";
    /** How long an event id is remembered by default: a billing month, its grace and a margin. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(40);
    /** Never less than a month plus the late-usage grace, so a retry within an open period is always caught. */
    public static final Duration MIN_RETENTION = Duration.ofDays(35);

    private RatedEventIds() {
    }

    public static String key(UsageEvent event) {
        return event.customer().raw() + "|" + event.id().raw();
    }

    public static StoreBuilder<WindowStore<String, Long>> storeBuilder(Duration retention) {
        if (retention.compareTo(MIN_RETENTION) < 0) {
            throw new IllegalArgumentException("event ids must be kept at least " + MIN_RETENTION.toDays() + " days, got " + retention);
        }
        // one-millisecond windows: each id is one entry at its ingest time, looked up over the whole retention
        // offsets in the checkpoint file: a partition with no id yet must not make every restart rebuild its task
        return Stores.windowStoreBuilder(
                CheckpointedWindowStore.persistent(STORE, retention, Duration.ofMillis(1), false),
                Serdes.String(), Serdes.Long());
    }

    /** True when the event's id was stored within {@code retention} either side of its ingest time. */
    static boolean contains(WindowStore<String, Long> store, UsageEvent event, Duration retention) {
        Instant at = event.ingestedAt();
        try (var found = store.backwardFetch(key(event), at.minus(retention), at.plus(retention))) {
            return found.hasNext();
        }
    }

    static void add(WindowStore<String, Long> store, UsageEvent event) {
        store.put(key(event), event.ingestedAt().toEpochMilli(), event.ingestedAt().toEpochMilli());
    }
}
