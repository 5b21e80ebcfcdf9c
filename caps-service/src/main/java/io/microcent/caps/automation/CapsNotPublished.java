package io.microcent.caps.automation;

/** Kafka did not acknowledge a customer's caps; the command that changed them is rolled back. */
public final class CapsNotPublished extends RuntimeException {

    public CapsNotPublished(String message, Throwable cause) {
        super(message, cause);
    }
}
