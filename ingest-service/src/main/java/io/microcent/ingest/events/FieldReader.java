package io.microcent.ingest.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.error.FieldError;
import io.microcent.model.id.InvalidIdException;
import io.microcent.model.usage.UsageLimits;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the fields of one event from its JSON and reports every problem as a {@link FieldError} with
 * the event's batch index and the field's full path as the sender wrote it ({@code inputTokens},
 * {@code data.inputTokens}, {@code data.usage.prompt_tokens_details.cached_tokens}).
 *
 * <p>What cannot be read is reported and returned as {@code null} (or {@code 0}), so that reading goes
 * on and a request is answered with all of its problems at once. Quantities are checked for range
 * here, where the field's real name is known, not after parsing.
 */
public final class FieldReader {

    private final Integer index;
    private final String base;
    private final List<FieldError> errors;

    /**
     * @param index  the event's position in a batch, or {@code null} for a single event
     * @param errors where problems are added
     */
    public FieldReader(Integer index, List<FieldError> errors) {
        this(index, "", errors);
    }

    private FieldReader(Integer index, String base, List<FieldError> errors) {
        this.index = index;
        this.base = base;
        this.errors = errors;
    }

    /** A reader for the fields of the object in {@code field}, whose problems are named {@code field.…}. */
    public FieldReader nested(String field) {
        return new FieldReader(index, path(field), errors);
    }

    /** The full name of {@code field} as the sender sees it. */
    public String path(String field) {
        return base.isEmpty() ? field : base + "." + field;
    }

    /** How many problems have been reported so far, by any reader of this request. */
    public int errorCount() {
        return errors.size();
    }

    public void error(String field, String code, String detail) {
        errors.add(new FieldError(index, path(field), code, detail));
    }

    /** A problem of the object this reader reads as a whole, e.g. {@code usage}. */
    public void errorOfWhole(String code, String detail) {
        errors.add(new FieldError(index, base, code, detail));
    }

    /** Whether {@code field} is there and not JSON null. */
    public static boolean present(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && !value.isNull();
    }

    /** An id field, parsed by the id record's own rules (so their length limits apply). */
    public <T> T id(JsonNode object, String field, Function<String, T> parse, boolean required) {
        String raw = string(object, field, required);
        if (raw == null) {
            return null;
        }
        try {
            return parse.apply(raw);
        } catch (InvalidIdException e) {
            error(field, FieldReasons.INVALID_ID, path(field) + " " + e.reason());
            return null;
        }
    }

    /**
     * The element {@code position} of a JSON array, named {@code element} (e.g. {@code tags[2]}), parsed by a
     * rule of its own; a refusal is reported with {@code invalidCode}, a value that is not a string as
     * {@link FieldReasons#WRONG_TYPE}.
     */
    public <T> T id(JsonNode array, int position, String element, Function<String, T> parse, String invalidCode) {
        JsonNode value = array.get(position);
        if (value == null || !value.isTextual()) {
            error(element, FieldReasons.WRONG_TYPE, path(element) + " must be a string");
            return null;
        }
        try {
            return parse.apply(value.textValue());
        } catch (InvalidIdException e) {
            error(element, invalidCode, path(element) + " " + e.reason());
            return null;
        }
    }

    /** A string field; any string, even empty, is returned as it is. */
    public String string(JsonNode object, String field, boolean required) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                error(field, FieldReasons.REQUIRED, path(field) + " is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            error(field, FieldReasons.WRONG_TYPE, path(field) + " must be a string");
            return null;
        }
        return value.textValue();
    }

    /** A required ISO-8601 instant such as {@code 2025-01-31T12:00:00Z} (an offset is allowed). */
    public Instant instant(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            error(field, FieldReasons.REQUIRED, path(field) + " is required");
            return null;
        }
        if (!value.isTextual()) {
            error(field, FieldReasons.WRONG_TYPE,
                    path(field) + " must be an ISO-8601 instant string, e.g. 2025-01-31T12:00:00Z");
            return null;
        }
        try {
            return Instant.parse(value.textValue());
        } catch (DateTimeParseException e) {
            error(field, FieldReasons.INVALID_TIMESTAMP,
                    path(field) + " is not an ISO-8601 instant, e.g. 2025-01-31T12:00:00Z");
            return null;
        }
    }

    /** An optional JSON object; {@code null} when absent or not an object (which is reported). */
    public JsonNode object(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            error(field, FieldReasons.WRONG_TYPE, path(field) + " must be a JSON object");
            return null;
        }
        return value;
    }

    /**
     * A token count: a whole number from 0 to {@link UsageLimits#MAX_TOKENS_PER_FIELD}. {@code field} may be a
     * dotted path into nested objects ({@code prompt_tokens_details.cached_tokens}); an absent field or parent
     * is {@code defaultValue}.
     */
    public long quantity(JsonNode object, String field, long defaultValue) {
        return quantity(object, field, defaultValue, UsageLimits.MAX_TOKENS_PER_FIELD);
    }

    /** As {@link #quantity(JsonNode, String, long)}, up to {@code max} (one of {@link UsageLimits}). */
    public long quantity(JsonNode object, String field, long defaultValue, long max) {
        JsonNode value = at(object, field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isIntegralNumber()) {
            error(field, FieldReasons.WRONG_TYPE, path(field) + " must be a whole number");
            return 0;
        }
        if (value.canConvertToLong() && value.longValue() >= 0 && value.longValue() <= max) {
            return value.longValue();
        }
        if (value.bigIntegerValue().signum() < 0) {
            error(field, FieldReasons.NEGATIVE, path(field) + " must not be negative");
        } else {
            error(field, FieldReasons.TOO_LARGE, path(field) + " must be at most " + max);
        }
        return 0;
    }

    /** The value at a dotted path, or {@code null} when a part of it is absent; a parent that is not an object is reported. */
    private JsonNode at(JsonNode object, String dottedPath) {
        JsonNode node = object;
        int start = 0;
        while (true) {
            int dot = dottedPath.indexOf('.', start);
            String name = dot < 0 ? dottedPath.substring(start) : dottedPath.substring(start, dot);
            node = node.get(name);
            if (dot < 0 || node == null || node.isNull()) {
                return node;
            }
            if (!node.isObject()) {
                String parent = dottedPath.substring(0, dot);
                FieldError notAnObject = new FieldError(index, path(parent), FieldReasons.WRONG_TYPE,
                        path(parent) + " must be a JSON object");
                // several counts may be read from the same parent: report it once
                if (errors.isEmpty() || !errors.getLast().equals(notAnObject)) {
                    errors.add(notAnObject);
                }
                return null;
            }
            start = dot + 1;
        }
    }
}
