package io.microcent.caps.webhooks;

import io.microcent.model.caps.CapAlert;
import io.microcent.model.id.CustomerId;

/** An enabled endpoint as the alert projection needs it: which alerts it wants, in which format. */
record Subscriber(WebhookId id, CustomerId customer, WebhookFormat format) {

    boolean wants(CapAlert alert) {
        return customer == null || customer.equals(alert.customer());
    }
}
