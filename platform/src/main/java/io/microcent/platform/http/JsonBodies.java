package io.microcent.platform.http;

import io.javalin.http.Context;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.FieldError;
import io.microcent.model.json.Json;
import io.microcent.model.json.Utf8;
import io.microcent.model.json.JsonReadFailure;

import java.io.IOException;
import java.util.List;

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

    /**
     * Maps a failure of reading JSON to malformed JSON (syntax, limits, a repeated key: 400) or a field
     * error (shape, value: 422), in our own words: no library class or setting is ever named.
     */
    public static ApiException fromJackson(IOException e) {
        JsonReadFailure failure = JsonReadFailure.of(e);
        return switch (failure.kind()) {
            case SYNTAX, LIMIT, UNREADABLE -> new ApiException(ErrorCode.MALFORMED_JSON, failure.detail());
            case DUPLICATE_KEY -> new ApiException(ErrorCode.MALFORMED_JSON, failure.detail(),
                    List.of(FieldError.of(failure.field(), "duplicate_key", failure.detail())));
            case WRONG_TYPE, OUT_OF_RANGE, INVALID_ID, INVALID_VALUE -> failure.field() == null
                    ? new ApiException(ErrorCode.MALFORMED_JSON, failure.detail())
                    : ApiException.invalid(failure.field(), reason(failure.kind()), failure.detail());
        };
    }

    private static String reason(JsonReadFailure.Kind kind) {
        return switch (kind) {
            case OUT_OF_RANGE -> "out_of_range";
            case INVALID_ID -> "invalid_id";
            case INVALID_VALUE -> "invalid";
            default -> "wrong_type";
        };
    }

    /** A field error for a required field that was not sent. */
    public static FieldError required(String field) {
        return FieldError.of(field, "required", field + " is required");
    }
}
