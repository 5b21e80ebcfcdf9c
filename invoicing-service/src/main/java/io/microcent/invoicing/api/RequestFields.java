package io.microcent.invoicing.api;

import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.FieldError;
import io.microcent.model.id.InvalidIdException;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.JsonBodies;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Checks the fields of one request body, collecting every problem so that the answer lists all of
 * them at once ({@code VALIDATION_FAILED}).
 */
public final class RequestFields {

    private final List<FieldError> errors = new ArrayList<>();

    /**
     * The value of a required field as {@code parse} reads it (an id's {@code of}, a rule's check), or
     * {@code null} after recording why the field is missing or invalid.
     */
    public <T> T required(String field, String raw, Function<String, T> parse) {
        if (raw == null || raw.isBlank()) {
            errors.add(JsonBodies.required(field));
            return null;
        }
        try {
            return parse.apply(raw);
        } catch (InvalidIdException e) {
            errors.add(FieldError.of(field, ErrorCode.INVALID_ID.code(), field + " " + e.reason()));
            return null;
        }
    }

    /** Throws {@code VALIDATION_FAILED} listing every field recorded so far, if any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
