package io.microcent.invoicing.automation;

import io.microcent.platform.axon.NotPublished;

/** Kafka did not acknowledge an invoice's notification; the command that changed the invoice is rolled back. */
public final class InvoiceNotPublished extends NotPublished {

    public InvoiceNotPublished(String message, Throwable cause) {
        super(message, cause);
    }
}
