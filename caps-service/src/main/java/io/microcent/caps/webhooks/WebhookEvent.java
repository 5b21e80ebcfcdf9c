package io.microcent.caps.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microcent.model.caps.CapAlert;
import io.microcent.model.id.CustomerId;
import io.microcent.model.invoice.InvoiceNotification;

/**
 * Something webhooks deliver, whatever topic it came from: a cap alert or an invoice transition. Each kind
 * says its id (the idempotency key of its deliveries, sent as {@code Microcent-Event-Id}), its type, whose it is
 * and how each {@link WebhookFormat} shows it; everything else (outbox, signature, retries, log) is shared.
 */
sealed interface WebhookEvent {

    String id();

    /** E.g. {@code cap.blocked}, {@code invoice.paid}: what endpoints filter on and the delivery log shows. */
    String type();

    CustomerId customer();

    /** The body of the {@code json} format. */
    Object json();

    /** The body of the {@code slack} format. */
    ObjectNode slack();

    static WebhookEvent of(CapAlert alert) {
        return new Alert(alert);
    }

    static WebhookEvent of(InvoiceNotification notification) {
        return new Invoice(notification);
    }

    record Alert(CapAlert alert) implements WebhookEvent {
        @Override
        public String id() {
            return alert.alertId().toString();
        }

        @Override
        public String type() {
            return AlertEvent.typeOf(alert);
        }

        @Override
        public CustomerId customer() {
            return alert.customer();
        }

        @Override
        public Object json() {
            return AlertEvent.of(alert);
        }

        @Override
        public ObjectNode slack() {
            return SlackMessage.of(alert);
        }
    }

    record Invoice(InvoiceNotification notification) implements WebhookEvent {
        @Override
        public String id() {
            return notification.id();
        }

        @Override
        public String type() {
            return notification.type();
        }

        @Override
        public CustomerId customer() {
            return notification.customer();
        }

        @Override
        public Object json() {
            return InvoiceEvent.of(notification);
        }

        @Override
        public ObjectNode slack() {
            return SlackMessage.of(notification);
        }
    }
}
