package io.microcent.invoicing.automation;

/** Kafka did not acknowledge a customer's plan; the command that decided it is rolled back. */
public final class PlanNotPublished extends RuntimeException {

    public PlanNotPublished(String message, Throwable cause) {
        super(message, cause);
    }
}
