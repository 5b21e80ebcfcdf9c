package io.microcent.rating.analytics;

import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.FieldError;
import io.microcent.platform.http.ApiException;

import java.util.ArrayList;
import java.util.List;

/** Collects everything wrong with a request's query parameters, so one answer names every bad parameter. */
final class ParameterErrors {

    private final List<FieldError> errors = new ArrayList<>();

    void add(String parameter, String code, String detail) {
        errors.add(FieldError.of(parameter, code, detail));
    }

    /** Throws {@link ErrorCode#INVALID_PARAMETER} with every error collected, if there is any. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? errors.getFirst().detail() : errors.size() + " parameters are invalid";
            throw new ApiException(ErrorCode.INVALID_PARAMETER, detail, errors);
        }
    }
}
