package io.microcent.caps.automation;

import io.microcent.platform.axon.NotPublished;

/** Kafka did not acknowledge a customer's caps; the command that changed them is rolled back. */
public final class CapsNotPublished extends NotPublished {

    public CapsNotPublished(String message, Throwable cause) {
        super(message, cause);
    }
}
