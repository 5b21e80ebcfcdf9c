package io.microcent.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.ingest.events.EventFieldNames;
import io.microcent.ingest.events.FieldReader;
import io.microcent.ingest.events.ParsedEvents;
import io.microcent.ingest.events.UsageEventRequest;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;

/**
 * Microcent's own JSON ({@code application/json}): one event object, or an array of them, each with
 * {@code id}, {@code customer} and {@code timestamp} beside its usage fields.
 */
public final class JsonEventsParser implements EventsParser {

    private final UsageFieldsReader usageFields;

    public JsonEventsParser(UsageFieldsReader usageFields) {
        this.usageFields = usageFields;
    }

    @Override
    public ParsedEvents parse(byte[] body) {
        JsonNode root = EventBodies.readTree(body);
        if (root.isObject()) {
            return EventBodies.single(root, this::readEvent, EventFieldNames.MICROCENT_JSON);
        }
        if (root.isArray()) {
            return EventBodies.array(root, this::readEvent, EventFieldNames.MICROCENT_JSON);
        }
        throw EventBodies.notEvents("the body must be an event object or an array of event objects");
    }

    private UsageEventRequest readEvent(JsonNode event, FieldReader fields) {
        return new UsageEventRequest(
                fields.id(event, "id", EventId::of, true),
                fields.id(event, "customer", CustomerId::of, true),
                fields.instant(event, "timestamp"),
                usageFields.read(event, fields));
    }
}
