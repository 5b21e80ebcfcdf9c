package io.microcent.ingest.dedup;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.http.ApiException;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ingest's layer of deduplication by (customer, event id): before publishing, drops the events a
 * request repeats and those recorded as seen; after Kafka acknowledged the rest, records them as seen.
 *
 * <p>Recording only after the acknowledgement means a record never says "seen" for an event that is not
 * in the log. The price is a window: a crash between the acknowledgement and the record, or two
 * requests with the same event at the same moment, let an event into the log twice. The rating
 * topology's store of event ids, committed atomically with its output, removes those; this layer keeps
 * the ordinary retries of clients out of the log cheaply.
 */
public final class EventDeduplicator {

    private static final Logger log = LoggerFactory.getLogger(EventDeduplicator.class);

    private final SeenEventsStore store;
    private final Counter duplicateEvents;

    public EventDeduplicator(SeenEventsStore store, MeterRegistry meters) {
        this.store = store;
        this.duplicateEvents = Counter.builder("microcent.ingest.events.duplicates")
                .description("Usage events answered as duplicates (repeated in a request or seen before) and not produced")
                .register(meters);
    }

    /**
     * The events of {@code events} to produce, in their order: the first of each (customer, id) in the
     * request, unless that key was seen before. 503 if the seen records cannot be read.
     */
    public NewEvents newEvents(List<UsageEvent> events) {
        Map<EventKey, UsageEvent> firstOfEachKey = new LinkedHashMap<>();
        for (UsageEvent event : events) {
            firstOfEachKey.putIfAbsent(EventKey.of(event), event);
        }
        Set<EventKey> seen = alreadySeen(firstOfEachKey);
        List<UsageEvent> fresh = new ArrayList<>(firstOfEachKey.size() - seen.size());
        firstOfEachKey.forEach((key, event) -> {
            if (!seen.contains(key)) {
                fresh.add(event);
            }
        });
        int duplicates = events.size() - fresh.size();
        duplicateEvents.increment(duplicates);
        return new NewEvents(fresh, duplicates);
    }

    /**
     * Records {@code produced} as seen; call only once Kafka acknowledged them. A failure is logged,
     * not thrown: the events are durably accepted, and answering otherwise would make the client send
     * them again, which is what this record exists to prevent.
     */
    public void remember(List<UsageEvent> produced, Instant ingestedAt) {
        try {
            store.record(produced.stream().map(EventKey::of).toList(), ingestedAt);
        } catch (DataAccessException e) {
            log.warn("{} usage event(s) are in the log but could not be recorded as seen; a retry of them will be "
                    + "produced again and deduplicated by rating: {}", produced.size(), e.toString());
        }
    }

    private Set<EventKey> alreadySeen(Map<EventKey, UsageEvent> keys) {
        try {
            return store.alreadySeen(keys.keySet());
        } catch (DataAccessException e) {
            log.warn("Could not look up seen event ids: {}", e.toString());
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                    "the events cannot be checked for duplicates right now; nothing was accepted, send the same request again");
        }
    }

    /**
     * @param events     the events to produce
     * @param duplicates how many events of the request are not produced because they are repeats
     */
    public record NewEvents(List<UsageEvent> events, int duplicates) {
    }
}
