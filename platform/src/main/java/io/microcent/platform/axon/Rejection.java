package io.microcent.platform.axon;

import io.microcent.model.error.ErrorCode;

/**
 * A command refused by a decision: the business reason, its stable error code and the request field at
 * fault (if one is). Nothing was recorded. Each service's aggregates throw their own subclasses
 * ({@code CapNotFound}, {@code UnknownPlan}); {@link CommandSender} answers them as problems.
 */
public abstract class Rejection extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    protected Rejection(ErrorCode code, String field, String detail) {
        super(detail, null, false, false); // an expected outcome: no stack trace to fill
        this.code = code;
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    /** The request field at fault, or {@code null}. */
    public String field() {
        return field;
    }
}
