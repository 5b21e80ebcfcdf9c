package io.microcent.rating.stream;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ModelId;
import io.microcent.model.topic.Topic;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.UsageEvent;

import java.time.Instant;
import java.util.UUID;

/** Usage events for tests. */
public final class UsageEvents {

    /** The dead-letters topic read as usage: what rating sets aside is a usage event keyed by its customer. */
    public static final Topic<CustomerId, UsageEvent> DEAD_USAGE = new Topic<>(Topics.DEAD_LETTERS.name(),
            Topics.CUSTOMER_KEY, Topics.USAGE_EVENTS.valueSerde(), Topic.Retention.LOG);

    private UsageEvents() {
    }

    public static UsageEvent requests(CustomerId customer, Instant at, long requests) {
        return version(UsageEvent.SCHEMA_VERSION, customer, at, requests);
    }

    /** An event that happened at {@code at} and reached Microcent at {@code ingestedAt}. */
    public static UsageEvent late(CustomerId customer, Instant at, Instant ingestedAt, long requests) {
        return event(UsageEvent.SCHEMA_VERSION, customer, at, ingestedAt, requests);
    }

    /** One request with these token counts (no cached tokens). */
    public static UsageEvent tokens(CustomerId customer, Instant at, long inputTokens, long outputTokens) {
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("evt-" + UUID.randomUUID()), customer, at, at,
                null, null, null, null, null, "openai", ModelId.of("gpt-4o"), 1, inputTokens, outputTokens, 0, 0);
    }

    public static UsageEvent version(int schemaVersion, CustomerId customer, Instant at, long requests) {
        return event(schemaVersion, customer, at, at, requests);
    }

    private static UsageEvent event(int schemaVersion, CustomerId customer, Instant at, Instant ingestedAt, long requests) {
        return new UsageEvent(schemaVersion, EventId.of("evt-" + UUID.randomUUID()), customer, at, ingestedAt,
                null, null, null, null, null, "openai", ModelId.of("gpt-4o"), requests, 120, 40, 0, 0);
    }
}
