package io.microcent.ingest.events;

import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.CustomerPartitions;
import io.microcent.model.usage.Tag;
import io.microcent.model.usage.UsageBatch;
import io.microcent.model.usage.UsageEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a request's accepted events into the records of {@code usage.events}: one {@link UsageBatch} per
 * partition (the partition each event's customer has, {@link CustomerPartitions}, so every event lands
 * where a record keyed by its customer would), split further into chunks of at most {@link #MAX_EVENTS}
 * events and about {@link #MAX_RECORD_BYTES}. Events keep their order within a partition, which is all
 * the order Kafka keeps anyway.
 */
final class PartitionBatches {

    /** Events of one record at most: enough to pay Kafka's per-record costs rarely, small enough to rate in one go. */
    static final int MAX_EVENTS = 256;

    /**
     * A record's events are kept below this many bytes by {@link #sizeBound}: a quarter of the producer's
     * {@code max.request.size} and the broker's {@code message.max.bytes} (both about 1 MiB by default), since
     * the rated batch rating writes for a record carries each event again with its rating.
     */
    static final int MAX_RECORD_BYTES = 256 * 1024;

    /** Field names, timestamps, numbers and separators of one event, beyond its text. */
    private static final int FIXED_BYTES_PER_EVENT = 512;
    /** UTF-8 needs at most 3 bytes per UTF-16 unit (a surrogate pair is 4 bytes for 2 units); an escaped quote 2. */
    private static final int BYTES_PER_CHAR = 3;

    /** @param partition the partition of {@code usage.events} the batch is written to */
    record Chunk(int partition, CustomerId key, UsageBatch batch) {
    }

    private PartitionBatches() {
    }

    static List<Chunk> of(List<UsageEvent> events, int partitions) {
        Map<Integer, List<UsageEvent>> byPartition = new LinkedHashMap<>();
        for (UsageEvent event : events) {
            byPartition.computeIfAbsent(CustomerPartitions.of(event.customer(), partitions), p -> new ArrayList<>()).add(event);
        }
        List<Chunk> chunks = new ArrayList<>();
        byPartition.forEach((partition, inPartition) -> {
            List<UsageEvent> chunk = new ArrayList<>();
            long bytes = 0;
            for (UsageEvent event : inPartition) {
                long size = sizeBound(event);
                if (!chunk.isEmpty() && (chunk.size() == MAX_EVENTS || bytes + size > MAX_RECORD_BYTES)) {
                    chunks.add(chunk(partition, chunk));
                    chunk = new ArrayList<>();
                    bytes = 0;
                }
                chunk.add(event);
                bytes += size;
            }
            chunks.add(chunk(partition, chunk));
        });
        return chunks;
    }

    /** The record is keyed by its first event's customer, as a record of that event alone would be. */
    private static Chunk chunk(int partition, List<UsageEvent> events) {
        return new Chunk(partition, events.getFirst().customer(), new UsageBatch(events));
    }

    /**
     * More bytes than the event can take in a record, whatever the encoding: its text at the most a character
     * can cost, plus a generous allowance for everything else. Reckoned from the event, so that nothing is
     * serialized twice.
     */
    static long sizeBound(UsageEvent event) {
        long chars = length(event.id(), event.customer(), event.provider(), event.project(), event.costCenter(),
                event.apiKeyId(), event.user(), event.team(), event.model(), event.reservationId());
        for (Tag tag : event.tags()) {
            chars += length(tag) + 3; // quotes and separator
        }
        return FIXED_BYTES_PER_EVENT + BYTES_PER_CHAR * chars;
    }

    /** The characters of these texts and ids (each id's text is its {@code toString}); absent ones count none. */
    private static long length(Object... texts) {
        long chars = 0;
        for (Object text : texts) {
            chars += text == null ? 0 : text.toString().length();
        }
        return chars;
    }
}
