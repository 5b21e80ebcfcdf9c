package io.microcent.model.error;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem+json body, with Microcent's stable {@code code} and the fields at fault. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode code, String detail, List<FieldError> errors) {
        return new Problem(code.type(), code.title(), code.status(), detail, code.code(), List.copyOf(errors));
    }
}
