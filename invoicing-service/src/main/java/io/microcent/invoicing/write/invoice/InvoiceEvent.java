package io.microcent.invoicing.write.invoice;

/** An event of an invoice's life, as stored in the event store. */
public interface InvoiceEvent {

    InvoiceId invoice();
}
