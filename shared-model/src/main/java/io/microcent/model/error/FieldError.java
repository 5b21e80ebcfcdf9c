package io.microcent.model.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One invalid field of a request.
 *
 * @param index  the position of the bad item in a batch, or {@code null} for a single object
 * @param field  the field at fault, e.g. {@code inputTokens}
 * @param code   a stable reason code, e.g. {@code negative}, {@code required}, {@code too_long}
 * @param detail a sentence for people
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(Integer index, String field, String code, String detail) {

    public static FieldError of(String field, String code, String detail) {
        return new FieldError(null, field, code, detail);
    }

    public FieldError at(int batchIndex) {
        return new FieldError(batchIndex, field, code, detail);
    }
}
