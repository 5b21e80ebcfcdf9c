package io.microcent.model.usage;

import java.util.List;
import java.util.Objects;

/**
 * Usage events travelling as one record: ingest writes one per request and partition, so the per-record
 * costs of Kafka (headers, offsets, transactions, the consumer's per-record work) are paid once per batch
 * instead of once per event. Every event of a batch belongs to a customer of the record's partition; each is
 * still deduplicated and rated on its own, in order.
 *
 * @param events at least one, in the order they were accepted
 */
public record UsageBatch(List<UsageEvent> events) {

    public UsageBatch {
        Objects.requireNonNull(events, "events");
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a usage batch holds at least one event");
        }
    }

    /** A record written when every record held one event reads as a batch of one. */
    public static UsageBatch of(UsageEvent event) {
        return new UsageBatch(List.of(event));
    }
}
