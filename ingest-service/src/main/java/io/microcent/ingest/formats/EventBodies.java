package io.microcent.ingest.formats;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.microcent.ingest.events.EventFieldNames;
import io.microcent.ingest.events.FieldReader;
import io.microcent.ingest.events.FieldReasons;
import io.microcent.ingest.events.ParsedEvents;
import io.microcent.ingest.events.UsageEventRequest;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.FieldError;
import io.microcent.model.json.Json;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.JsonBodies;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the JSON event formats share: reading the body as a JSON tree, and reading one event object or
 * an array of them, each with its index.
 *
 * <p>The body is read as a tree rather than bound to a class, so that one bad field does not stop the
 * reading: every field of every event is read and each problem is reported with the event's index, the
 * field and a {@link FieldReasons reason code}. Only a body that is not JSON at all, or not events at
 * all, fails as a whole.
 */
final class EventBodies {

    // "[...] trailing garbage" must not pass as the array before it
    private static final ObjectReader TREE_READER =
            Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Reads one event object into a request, reporting what it cannot read to {@code fields}. */
    @FunctionalInterface
    interface EventReader {
        UsageEventRequest read(JsonNode event, FieldReader fields);
    }

    private EventBodies() {
    }

    /** The body's JSON; 400 when it is empty, not well-formed UTF-8, not JSON, or JSON {@code null}. */
    static JsonNode readTree(byte[] body) {
        if (body.length == 0) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "the request body is empty; send an event or an array of events");
        }
        JsonBodies.requireUtf8(body);
        JsonNode root;
        try {
            root = TREE_READER.readTree(body);
        } catch (IOException e) {
            throw JsonBodies.fromJackson(e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "the request body has no JSON value; send an event or an array of events");
        }
        return root;
    }

    /** A body that is one event object. */
    static ParsedEvents single(JsonNode event, EventReader reader, EventFieldNames names) {
        List<FieldError> errors = new ArrayList<>();
        UsageEventRequest request = reader.read(event, new FieldReader(null, errors));
        return new ParsedEvents(false, List.of(request), errors, names);
    }

    /** A body that is an array of 1 to {@value EventsParser#MAX_EVENTS_PER_REQUEST} event objects. */
    static ParsedEvents array(JsonNode array, EventReader reader, EventFieldNames names) {
        int size = array.size();
        if (size == 0) {
            throw ApiException.invalid("body", FieldReasons.REQUIRED, "the array has no events; send at least one");
        }
        if (size > EventsParser.MAX_EVENTS_PER_REQUEST) {
            throw ApiException.invalid("body", FieldReasons.TOO_LARGE,
                    "at most " + EventsParser.MAX_EVENTS_PER_REQUEST + " events per request, got " + size);
        }
        List<FieldError> errors = new ArrayList<>();
        List<UsageEventRequest> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            JsonNode node = array.get(i);
            if (node.isObject()) {
                events.add(reader.read(node, new FieldReader(i, errors)));
            } else {
                errors.add(new FieldError(i, "event", FieldReasons.WRONG_TYPE, "event " + i + " is not a JSON object"));
                events.add(null);
            }
        }
        return new ParsedEvents(true, events, errors, names);
    }

    /** 422 for a body of the wrong shape, e.g. a string, or an array where one event was expected. */
    static ApiException notEvents(String detail) {
        return ApiException.invalid("body", FieldReasons.WRONG_TYPE, detail);
    }
}
