package io.microcent.model.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.microcent.model.id.InvalidIdException;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Why a JSON document could not be read, in Microcent's own words: Jackson's messages name Java classes
 * and library settings ({@code StreamReadConstraints.getMaxNestingDepth()}, {@code JsonNode}), which a
 * client must never see and cannot act on. The wording here says what is wrong and where: the field
 * (as {@code a.b[0]}), or the line and column.
 *
 * @param kind   what went wrong, for the caller to pick a status and reason code
 * @param field  the field at fault as {@code a.b[0]}, or {@code null} when the fault is not inside a field
 * @param detail a sentence for people, naming no library class or setting
 */
public record JsonReadFailure(Kind kind, String field, String detail) {

    public enum Kind {
        /** Not JSON: bad syntax, or the document ends early. */
        SYNTAX,
        /** JSON, but over a parser limit (nesting depth, number or string length). */
        LIMIT,
        /** An object repeats a key. */
        DUPLICATE_KEY,
        /** The document or a field has the wrong JSON type, e.g. a string where a number belongs. */
        WRONG_TYPE,
        /** A number too large or too small for its field. */
        OUT_OF_RANGE,
        /** A string that is not a valid id of its kind. */
        INVALID_ID,
        /** A value of the right type that its field's rules refuse, e.g. a negative amount. */
        INVALID_VALUE,
        /** The bytes could not be read at all. */
        UNREADABLE
    }

    /** Describes a failure of reading JSON, whether of the parser or of binding to a type. */
    public static JsonReadFailure of(IOException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return ofField(mapping, fieldOf(mapping));
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new JsonReadFailure(Kind.WRONG_TYPE, null, "the body must be " + expected(mismatch.getTargetType()));
        }
        if (e instanceof DatabindException) {
            return new JsonReadFailure(Kind.WRONG_TYPE, null, "the body does not have the expected shape" + at(e));
        }
        if (e instanceof StreamConstraintsException) {
            return new JsonReadFailure(Kind.LIMIT, null, limitExceeded(e) + at(e));
        }
        if (e instanceof JsonEOFException) {
            return new JsonReadFailure(Kind.SYNTAX, null, "the body ends before its JSON is complete" + at(e));
        }
        if (e instanceof JsonProcessingException jpe && isDuplicateKey(jpe)) {
            String key = duplicateKey(jpe);
            String field = pointer(jpe);
            return new JsonReadFailure(Kind.DUPLICATE_KEY, field.isEmpty() ? key : field,
                    "the key '" + key + "' appears twice in one object" + at(e) + "; send each key once");
        }
        if (e instanceof JacksonException) {
            return new JsonReadFailure(Kind.SYNTAX, null, "the body is not valid JSON" + at(e));
        }
        return new JsonReadFailure(Kind.UNREADABLE, null, "the body could not be read");
    }

    private static JsonReadFailure ofField(JsonMappingException e, String field) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidIdException invalid) {
            return new JsonReadFailure(Kind.INVALID_ID, field, field + " " + invalid.reason());
        }
        if (cause instanceof InputCoercionException || cause instanceof ArithmeticException) {
            return new JsonReadFailure(Kind.OUT_OF_RANGE, field, field + " is out of range for its type");
        }
        if (cause instanceof NumberFormatException) {
            return new JsonReadFailure(Kind.WRONG_TYPE, field, field + " is not a number");
        }
        if (cause instanceof IllegalArgumentException && isOurs(cause)) {
            // thrown by our own records' constructors, whose messages are written for clients
            return new JsonReadFailure(Kind.INVALID_VALUE, field, field + ": " + cause.getMessage());
        }
        if (cause instanceof IllegalArgumentException) {
            return new JsonReadFailure(Kind.INVALID_VALUE, field, field + " has an invalid value");
        }
        if (cause instanceof StreamConstraintsException limit) {
            return new JsonReadFailure(Kind.LIMIT, field, limitExceeded(limit) + " in " + field);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new JsonReadFailure(Kind.WRONG_TYPE, field, field + " must be " + expected(mismatch.getTargetType()));
        }
        return new JsonReadFailure(Kind.WRONG_TYPE, field, field + " has the wrong type or format");
    }

    /** Whether Microcent code threw {@code e}, so that its message was written for clients, not by a library. */
    private static boolean isOurs(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return e.getMessage() != null && trace.length > 0 && trace[0].getClassName().startsWith("io.microcent.");
    }

    /** The field's path as the sender wrote it, e.g. {@code limits[2].amount}. */
    private static String fieldOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** What a value of {@code type} looks like in JSON. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "a JSON value of another type";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == BigDecimal.class || type == double.class || type == Double.class
                || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type) || type == BigInteger.class) {
            return "a whole number";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList();
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time string, e.g. 2025-01-31T12:00:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (type.getName().startsWith("io.microcent.model.id.")) {
            return "an id string";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || type.getName().startsWith("com.fasterxml.")
                || !type.getName().startsWith("java.")) {
            return "a JSON object";
        }
        return "a JSON value of another type";
    }

    private static String limitExceeded(IOException e) {
        String message = String.valueOf(e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("nesting depth")) {
            return "the body nests arrays or objects deeper than " + Json.MAX_NESTING_DEPTH + " levels";
        }
        if (message.contains("number")) {
            return "a number in the body has too many digits";
        }
        if (message.contains("name")) {
            return "a key in the body is too long";
        }
        if (message.contains("string")) {
            return "a string in the body is too long";
        }
        return "the body exceeds a limit of the JSON reader";
    }

    private static boolean isDuplicateKey(JsonProcessingException e) {
        return String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field '");
    }

    private static String duplicateKey(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int start = message.indexOf('\'') + 1;
        int end = message.lastIndexOf('\'');
        return end > start ? message.substring(start, end) : "?";
    }

    /** The duplicate key's place as {@code a.b[0].key}, from the parser's position when it failed. */
    private static String pointer(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return "";
        }
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String at(IOException e) {
        JsonLocation location = e instanceof JacksonException jackson ? jackson.getLocation() : null;
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
