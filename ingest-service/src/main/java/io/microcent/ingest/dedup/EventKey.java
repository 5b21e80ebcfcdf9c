package io.microcent.ingest.dedup;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.usage.UsageEvent;

/** What makes two events the same event: the same id sent for the same customer. */
public record EventKey(CustomerId customer, EventId id) {

    public static EventKey of(UsageEvent event) {
        return new EventKey(event.customer(), event.id());
    }
}
