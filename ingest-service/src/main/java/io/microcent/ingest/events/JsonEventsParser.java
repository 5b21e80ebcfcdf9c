package io.microcent.ingest.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.FieldError;
import io.microcent.model.id.ApiKeyId;
import io.microcent.model.id.CostCenterId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.IdRule;
import io.microcent.model.id.InvalidIdException;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.ProjectId;
import io.microcent.model.id.TeamId;
import io.microcent.model.id.UserId;
import io.microcent.model.json.Json;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.JsonBodies;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Parses Microcent's own JSON event format: one event object, or an array of them.
 *
 * <p>The body is read as a JSON tree rather than bound to a class, so that one bad field does not
 * stop the reading: every field of every event is read and each problem is reported with the
 * event's index, the field and a {@link FieldReasons reason code}. Only a body that is not JSON at
 * all, or not events at all, fails as a whole.
 */
public final class JsonEventsParser {

    /** The most events one request may carry; larger batches are refused whole, never cut. */
    public static final int MAX_EVENTS_PER_REQUEST = 10_000;

    /** An event that says nothing about requests is one request. */
    private static final long DEFAULT_REQUESTS = 1;

    // "[...] trailing garbage" must not pass as the array before it
    private static final ObjectReader TREE_READER =
            Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Throws 400 for a body that is not JSON and 422 for one that is not a non-empty batch of event objects. */
    public ParsedEvents parse(byte[] body) {
        JsonNode root = readTree(body);
        List<FieldError> errors = new ArrayList<>();
        if (root.isObject()) {
            return new ParsedEvents(false, List.of(readEvent(root, null, errors)), errors);
        }
        if (!root.isArray()) {
            throw ApiException.invalid("body", FieldReasons.WRONG_TYPE,
                    "the body must be an event object or an array of event objects");
        }
        int size = root.size();
        if (size == 0) {
            throw ApiException.invalid("body", FieldReasons.REQUIRED, "the array has no events; send at least one");
        }
        if (size > MAX_EVENTS_PER_REQUEST) {
            throw ApiException.invalid("body", FieldReasons.TOO_LARGE,
                    "at most " + MAX_EVENTS_PER_REQUEST + " events per request, got " + size);
        }
        List<UsageEventRequest> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            JsonNode node = root.get(i);
            if (node.isObject()) {
                events.add(readEvent(node, i, errors));
            } else {
                errors.add(new FieldError(i, "event", FieldReasons.WRONG_TYPE, "event " + i + " is not a JSON object"));
                events.add(null);
            }
        }
        return new ParsedEvents(true, events, errors);
    }

    private static JsonNode readTree(byte[] body) {
        if (body.length == 0) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "the request body is empty; send an event or an array of events");
        }
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

    /** Reads one event object; what cannot be read is reported to {@code errors} and left null (or 0). */
    static UsageEventRequest readEvent(JsonNode event, Integer index, List<FieldError> errors) {
        return new UsageEventRequest(
                id(event, "id", EventId::of, true, index, errors),
                id(event, "customer", CustomerId::of, true, index, errors),
                instant(event, "timestamp", index, errors),
                id(event, "project", ProjectId::of, false, index, errors),
                id(event, "costCenter", CostCenterId::of, false, index, errors),
                id(event, "apiKeyId", ApiKeyId::of, false, index, errors),
                id(event, "user", UserId::of, false, index, errors),
                id(event, "team", TeamId::of, false, index, errors),
                id(event, "provider", raw -> IdRule.TOKEN.check("provider", raw), false, index, errors),
                id(event, "model", ModelId::of, false, index, errors),
                quantity(event, "requests", DEFAULT_REQUESTS, index, errors),
                quantity(event, "inputTokens", 0, index, errors),
                quantity(event, "outputTokens", 0, index, errors),
                quantity(event, "cacheReadTokens", 0, index, errors),
                quantity(event, "cacheWriteTokens", 0, index, errors));
    }

    private static <T> T id(JsonNode event, String field, Function<String, T> parse, boolean required,
                            Integer index, List<FieldError> errors) {
        JsonNode value = event.get(field);
        if (isAbsent(value)) {
            if (required) {
                errors.add(new FieldError(index, field, FieldReasons.REQUIRED, field + " is required"));
            }
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(index, field, FieldReasons.WRONG_TYPE, field + " must be a string"));
            return null;
        }
        try {
            return parse.apply(value.textValue());
        } catch (InvalidIdException e) {
            errors.add(new FieldError(index, field, FieldReasons.INVALID_ID, field + " " + e.reason()));
            return null;
        }
    }

    private static Instant instant(JsonNode event, String field, Integer index, List<FieldError> errors) {
        JsonNode value = event.get(field);
        if (isAbsent(value)) {
            errors.add(new FieldError(index, field, FieldReasons.REQUIRED, field + " is required"));
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(index, field, FieldReasons.WRONG_TYPE,
                    field + " must be an ISO-8601 instant string, e.g. 2025-01-31T12:00:00Z"));
            return null;
        }
        try {
            return Instant.parse(value.textValue());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(index, field, FieldReasons.INVALID_TIMESTAMP,
                    field + " is not an ISO-8601 instant, e.g. 2025-01-31T12:00:00Z"));
            return null;
        }
    }

    /** A whole number; one beyond {@code long} is reported here, range rules are the validator's. */
    private static long quantity(JsonNode event, String field, long defaultValue, Integer index, List<FieldError> errors) {
        JsonNode value = event.get(field);
        if (isAbsent(value)) {
            return defaultValue;
        }
        if (!value.isIntegralNumber()) {
            errors.add(new FieldError(index, field, FieldReasons.WRONG_TYPE, field + " must be a whole number"));
            return 0;
        }
        if (!value.canConvertToLong()) {
            errors.add(value.bigIntegerValue().signum() < 0
                    ? UsageEventValidator.negative(index, field)
                    : UsageEventValidator.tooLarge(index, field));
            return 0;
        }
        return value.longValue();
    }

    private static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull();
    }
}
