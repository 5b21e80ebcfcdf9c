package io.microcent.invoicing.automation;

import io.microcent.platform.axon.NotPublished;

/** Kafka did not acknowledge a customer's plan; the command that decided it is rolled back. */
public final class PlanNotPublished extends NotPublished {

    public PlanNotPublished(String message, Throwable cause) {
        super(message, cause);
    }
}
