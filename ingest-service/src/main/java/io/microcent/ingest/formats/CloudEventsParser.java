package io.microcent.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.microcent.ingest.events.EventFieldNames;
import io.microcent.ingest.events.FieldReader;
import io.microcent.ingest.events.FieldReasons;
import io.microcent.ingest.events.ParsedEvents;
import io.microcent.ingest.events.UsageDetails;
import io.microcent.ingest.events.UsageEventRequest;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;

import java.time.Instant;
import java.util.Locale;

/**
 * CloudEvents 1.0 in structured mode, JSON event format: one event ({@code application/cloudevents+json})
 * or a batch, a JSON array of events ({@code application/cloudevents-batch+json}).
 *
 * <p>The context attributes say which event it is: {@code id} is the event id, {@code subject} the
 * customer, {@code time} the event time. {@code specversion} must be {@code 1.0}; {@code source} and
 * {@code type} are required by CloudEvents and any value is accepted ({@value #RECOMMENDED_TYPE} is
 * recommended). The usage fields are in {@code data}, exactly as in Microcent's own JSON, and problems
 * inside it are named {@code data.…}. Extension attributes are ignored.
 */
public final class CloudEventsParser implements EventsParser {

    public static final String SPEC_VERSION = "1.0";
    /** The {@code type} Microcent suggests for usage events; not enforced. */
    public static final String RECOMMENDED_TYPE = "io.microcent.usage.v1";

    private static final String DATA = "data";
    private static final JsonNode NO_DATA = JsonNodeFactory.instance.objectNode();

    private final boolean batch;
    private final UsageFieldsReader usageFields;

    private CloudEventsParser(boolean batch, UsageFieldsReader usageFields) {
        this.batch = batch;
        this.usageFields = usageFields;
    }

    /** For {@code application/cloudevents+json}: the body is one CloudEvent. */
    public static CloudEventsParser single(UsageFieldsReader usageFields) {
        return new CloudEventsParser(false, usageFields);
    }

    /** For {@code application/cloudevents-batch+json}: the body is an array of CloudEvents. */
    public static CloudEventsParser batch(UsageFieldsReader usageFields) {
        return new CloudEventsParser(true, usageFields);
    }

    @Override
    public ParsedEvents parse(byte[] body) {
        JsonNode root = EventBodies.readTree(body);
        if (batch) {
            if (!root.isArray()) {
                throw EventBodies.notEvents("a CloudEvents batch must be a JSON array of CloudEvents");
            }
            return EventBodies.array(root, this::readEvent, EventFieldNames.CLOUDEVENTS);
        }
        if (!root.isObject()) {
            throw EventBodies.notEvents("application/cloudevents+json carries one CloudEvent object; "
                    + "send several as a JSON array with Content-Type application/cloudevents-batch+json");
        }
        return EventBodies.single(root, this::readEvent, EventFieldNames.CLOUDEVENTS);
    }

    private UsageEventRequest readEvent(JsonNode event, FieldReader fields) {
        checkSpecVersion(event, fields);
        EventId id = fields.id(event, "id", EventId::of, true);
        requireNonEmpty(event, "source", fields);
        requireNonEmpty(event, "type", fields);
        CustomerId customer = fields.id(event, "subject", CustomerId::of, true);
        Instant time = fields.instant(event, "time");
        UsageDetails usage = usageFields.read(data(event, fields), fields.nested(DATA));
        return new UsageEventRequest(id, customer, time, usage);
    }

    private static void checkSpecVersion(JsonNode event, FieldReader fields) {
        String version = fields.string(event, "specversion", true);
        if (version != null && !SPEC_VERSION.equals(version)) {
            fields.error("specversion", FieldReasons.UNSUPPORTED_SPECVERSION,
                    "specversion must be " + SPEC_VERSION + ", got '" + version + "'");
        }
    }

    private static void requireNonEmpty(JsonNode event, String attribute, FieldReader fields) {
        String value = fields.string(event, attribute, true);
        if (value != null && value.isEmpty()) {
            fields.error(attribute, FieldReasons.REQUIRED, attribute + " must not be empty");
        }
    }

    /** The usage fields: {@code data} as a JSON object; an event without data is one request without tokens. */
    private static JsonNode data(JsonNode event, FieldReader fields) {
        String contentType = fields.string(event, "datacontenttype", false);
        if (contentType != null && !isJson(contentType)) {
            fields.error("datacontenttype", FieldReasons.WRONG_TYPE,
                    "datacontenttype must be application/json (or absent), got '" + contentType + "'");
        }
        if (FieldReader.present(event, "data_base64")) {
            fields.error("data_base64", FieldReasons.WRONG_TYPE, "send the usage fields as a JSON object in data, not base64");
        }
        JsonNode data = fields.object(event, DATA);
        return data == null ? NO_DATA : data;
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.equals("text/json") || mediaType.endsWith("+json");
    }
}
