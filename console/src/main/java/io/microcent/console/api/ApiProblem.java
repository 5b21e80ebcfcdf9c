package io.microcent.console.api;

import java.util.List;

/**
 * A service refused a call: its problem+json, kept whole so a page can say what was wrong and next to which
 * field. Also stands for a service that could not be reached (status 503, code {@code service_unreachable}).
 */
public final class ApiProblem extends RuntimeException {

    /** One field at fault, as the service named it. */
    public record FieldError(String field, String code, String detail) {
    }

    private final int status;
    private final String code;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(int status, String code, String title, String detail, List<FieldError> errors) {
        super(detail == null || detail.isBlank() ? title : detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The detail of the error on {@code field}, if the service named that field. */
    public java.util.Optional<String> errorOn(String field) {
        return errors.stream().filter(e -> field.equals(e.field())).map(FieldError::detail).findFirst();
    }
}
