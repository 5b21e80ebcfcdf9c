package io.microcent.ingest.events;

import io.microcent.model.error.FieldError;
import io.microcent.model.usage.UsageEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one request as parsed, before validation.
 *
 * @param batch      whether the body was an array; only then do field errors carry an index
 * @param events     one entry per event of the body, in order; {@code null} where an entry was not an event at all
 * @param errors     what the parser could not read, with the index of the event for a batch
 * @param fieldNames how the body's format names the fields later rules report on
 */
public record ParsedEvents(boolean batch, List<UsageEventRequest> events, List<FieldError> errors,
                           EventFieldNames fieldNames) {

    /** The index to report for the event at {@code position}: none for a single event. */
    public Integer indexOf(int position) {
        return batch ? position : null;
    }

    public int size() {
        return events.size();
    }

    /** The accepted events; call only when neither parsing nor validation found an error. */
    public List<UsageEvent> toUsageEvents(Instant ingestedAt) {
        List<UsageEvent> usage = new ArrayList<>(events.size());
        for (UsageEventRequest event : events) {
            usage.add(event.toUsageEvent(ingestedAt));
        }
        return usage;
    }
}
