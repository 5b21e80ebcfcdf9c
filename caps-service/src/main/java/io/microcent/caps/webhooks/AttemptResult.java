package io.microcent.caps.webhooks;

/**
 * How one attempt ended.
 *
 * @param statusCode the endpoint's HTTP status, or {@code null} when there was no answer (timeout, refused connection)
 * @param error      why it failed, for the delivery log; {@code null} when delivered
 */
record AttemptResult(Integer statusCode, String error) {

    static final int GONE = 410;

    /** An answer: only its status counts and is logged, never its body. */
    static AttemptResult answered(int statusCode) {
        if (statusCode >= 200 && statusCode < 300) {
            return new AttemptResult(statusCode, null);
        }
        return new AttemptResult(statusCode, "HTTP " + statusCode);
    }

    static AttemptResult noAnswer(String error) {
        return new AttemptResult(null, error);
    }

    boolean delivered() {
        return error == null;
    }

    /** 410 Gone: the receiver says this endpoint will never take a delivery again. */
    boolean gone() {
        return statusCode != null && statusCode == GONE;
    }
}
