package io.microcent.caps.webhooks;

import io.microcent.model.invoice.InvoiceNotification;

import java.time.Instant;

/**
 * The body of a {@code json} webhook for an invoice, the same envelope as {@link AlertEvent}:
 * {@code {"id", "type", "createdAt", "data"}}.
 *
 * @param id        {@code <invoiceId>:<type>}, also sent as {@code Microcent-Event-Id}
 * @param type      {@code invoice.finalized}, {@code invoice.paid}, {@code invoice.payment_failed},
 *                  {@code invoice.voided} or {@code invoice.marked_uncollectible}
 * @param createdAt when the invoice changed ({@link InvoiceNotification#occurredAt()}), not when it was sent
 * @param data      the notification as published on {@code invoice.events}
 */
public record InvoiceEvent(String id, String type, Instant createdAt, InvoiceNotification data) {

    public static InvoiceEvent of(InvoiceNotification notification) {
        return new InvoiceEvent(notification.id(), notification.type(), notification.occurredAt(), notification);
    }
}
