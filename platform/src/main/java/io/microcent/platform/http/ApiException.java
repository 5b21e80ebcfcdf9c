package io.microcent.platform.http;

import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.FieldError;
import io.microcent.model.error.Problem;

import java.util.List;

/** A request that cannot be served, answered as problem+json with a stable code. Thrown from handlers. */
public final class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldError> errors;

    public ApiException(ErrorCode code, String detail, List<FieldError> errors) {
        super(detail);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public static ApiException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.getFirst().detail() : errors.size() + " fields are invalid";
        return new ApiException(ErrorCode.VALIDATION_FAILED, detail, errors);
    }

    public static ApiException invalid(String field, String reason, String detail) {
        return invalid(List.of(FieldError.of(field, reason, detail)));
    }

    public static ApiException badParameter(String parameter, String detail) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, detail, List.of(FieldError.of(parameter, "invalid", detail)));
    }

    public ErrorCode code() {
        return code;
    }

    public Problem toProblem() {
        return Problem.of(code, getMessage(), errors);
    }
}
