package io.microcent.caps.webhooks;

import io.microcent.model.id.CustomerId;

import java.util.List;

/**
 * An enabled endpoint as the delivery projections need it: which events it wants, in which format.
 *
 * @param customer only this customer's events; {@code null}: every customer's
 * @param events   the endpoint's filter ({@link EventTypes}); {@code null}: every type
 */
record Subscriber(WebhookId id, CustomerId customer, WebhookFormat format, List<String> events) {

    boolean wants(WebhookEvent event) {
        return (customer == null || customer.equals(event.customer())) && EventTypes.wanted(events, event.type());
    }
}
