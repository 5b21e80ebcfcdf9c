package io.microcent.platform.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.javalin.http.Context;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.FieldError;
import io.microcent.model.id.InvalidIdException;
import io.microcent.model.json.Json;
import io.microcent.model.json.Utf8;

import java.io.IOException;
import java.util.stream.Collectors;

/** Reads request bodies as records and turns every way a body can be wrong into a precise problem. */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static <T> T read(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "the request body is empty; send a JSON object");
        }
        requireUtf8(body);
        try {
            T value = Json.mapper().readValue(body, type);
            if (value == null) {
                throw new ApiException(ErrorCode.MALFORMED_JSON, "the request body is JSON null; send a JSON object");
            }
            return value;
        } catch (IOException e) {
            throw fromJackson(e);
        }
    }

    /**
     * 400 unless the body is well-formed UTF-8: Jackson decodes overlong forms ({@code C0 80} as NUL,
     * {@code C1 81} as {@code A}) without complaint, which would let two different byte strings be one id.
     */
    public static void requireUtf8(byte[] body) {
        int malformed = Utf8.firstMalformedByte(body);
        if (malformed >= 0) {
            throw new ApiException(ErrorCode.MALFORMED_JSON,
                    "the body is not well-formed UTF-8: byte " + malformed + " starts a malformed sequence");
        }
    }

    /** Maps a Jackson failure to malformed JSON (syntax) or a field error (shape, value). */
    public static ApiException fromJackson(IOException e) {
        if (e instanceof DatabindException mapping && e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            String field = jme.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            Throwable cause = mapping.getCause();
            if (cause instanceof InvalidIdException invalid) {
                return ApiException.invalid(field, "invalid_id", field + " " + invalid.reason());
            }
            if (cause instanceof IllegalArgumentException || cause instanceof ArithmeticException) {
                return ApiException.invalid(field, "invalid", field + ": " + cause.getMessage());
            }
            return ApiException.invalid(field, "wrong_type", field + " has the wrong type or format");
        }
        if (e instanceof JacksonException jackson) {
            String where = jackson.getLocation() == null ? "" : " at line " + jackson.getLocation().getLineNr()
                    + ", column " + jackson.getLocation().getColumnNr();
            String what = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            return new ApiException(ErrorCode.MALFORMED_JSON, "the body is not valid JSON" + where + ": " + what);
        }
        return new ApiException(ErrorCode.MALFORMED_JSON, "the body could not be read: " + e.getMessage());
    }

    /** A field error for a required field that was not sent. */
    public static FieldError required(String field) {
        return FieldError.of(field, "required", field + " is required");
    }
}
