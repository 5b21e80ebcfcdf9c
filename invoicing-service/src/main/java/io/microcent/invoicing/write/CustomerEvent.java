package io.microcent.invoicing.write;

import io.microcent.model.id.CustomerId;

/** An event of a customer's life, as stored in the event store. */
public interface CustomerEvent {

    CustomerId customer();
}
