package io.microcent.ingest.events;

import io.microcent.ingest.dedup.EventDeduplicator;
import io.microcent.ingest.formats.EventsParser;
import io.microcent.ingest.keys.ApiKey;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.FieldError;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.http.ApiException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingests one request's events: parse (in the request's format), check the key's customer scope,
 * validate, drop duplicates, publish, then remember what was published. A request is accepted whole or
 * refused whole: if any event is refused, none is produced and none is recorded as seen.
 */
public final class EventIngestion {

    private final UsageEventValidator validator;
    private final EventDeduplicator deduplicator;
    private final UsageEventPublisher publisher;
    private final Clock clock;

    public EventIngestion(UsageEventValidator validator, EventDeduplicator deduplicator, UsageEventPublisher publisher,
                          Clock clock) {
        this.validator = validator;
        this.deduplicator = deduplicator;
        this.publisher = publisher;
        this.clock = clock;
    }

    public IngestResult ingest(ApiKey key, EventsParser parser, byte[] body) {
        // one instant per request: the reference for the timestamp rules and every event's ingest time
        Instant now = clock.instant();
        ParsedEvents parsed = parser.parse(body);
        rejectOtherCustomers(key, parsed);
        List<FieldError> errors = validator.validate(parsed, now);
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, describe(errors, parsed), errors);
        }
        EventDeduplicator.NewEvents fresh = deduplicator.newEvents(parsed.toUsageEvents(now));
        List<UsageEvent> events = fresh.events();
        if (!events.isEmpty()) {
            publisher.publish(events, now);
            // only now: a seen record must never exist for an event that is not in the log
            deduplicator.remember(events, now);
        }
        return new IngestResult(events.size(), fresh.duplicates());
    }

    /** 403 naming every event whose customer the key is not scoped to. */
    private static void rejectOtherCustomers(ApiKey key, ParsedEvents parsed) {
        if (key.customer() == null) {
            return;
        }
        List<FieldError> refused = new ArrayList<>();
        List<UsageEventRequest> events = parsed.events();
        for (int position = 0; position < events.size(); position++) {
            UsageEventRequest event = events.get(position);
            if (event != null && event.customer() != null && !key.permits(event.customer())) {
                refused.add(new FieldError(parsed.indexOf(position), parsed.fieldNames().customer(),
                        FieldReasons.CUSTOMER_NOT_ALLOWED, "this API key may only send events for customer " + key.customer()));
            }
        }
        if (!refused.isEmpty()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "this API key may only send events for customer "
                    + key.customer() + "; nothing was accepted", refused);
        }
    }

    private static String describe(List<FieldError> errors, ParsedEvents parsed) {
        if (!parsed.batch()) {
            return "the event is invalid; nothing was accepted";
        }
        long badEvents = errors.stream().map(FieldError::index).distinct().count();
        return badEvents + " of " + parsed.size() + " events are invalid; nothing was accepted";
    }
}
