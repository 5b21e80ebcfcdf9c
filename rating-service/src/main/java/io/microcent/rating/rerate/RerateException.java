package io.microcent.rating.rerate;

/** Why a job stopped, in words for the operator (the job's {@code error}); nothing was written. */
final class RerateException extends RuntimeException {

    RerateException(String message) {
        super(message);
    }

    RerateException(String message, Throwable cause) {
        super(message, cause);
    }
}
