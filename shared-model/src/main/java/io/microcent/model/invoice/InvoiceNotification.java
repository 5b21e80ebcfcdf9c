package io.microcent.model.invoice;

import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An invoice changed status, as published once per transition on {@code invoice.events} by invoicing. Webhook
 * delivery (in caps) reads these; it never decides them. The invoice's lines are not part of it: they are read
 * with {@code GET /v1/invoices/{id}}.
 *
 * @param id             stable id of this transition: {@code <invoiceId>:<type>}; every transition happens at most
 *                       once per invoice, so this is the idempotency key of every delivery
 * @param type           one of {@link #TYPES}: {@value #FINALIZED}, {@value #PAID}, {@value #PAYMENT_FAILED},
 *                       {@value #VOIDED}, {@value #MARKED_UNCOLLECTIBLE}
 * @param invoice        the invoice id, {@code in_…}
 * @param status         the invoice's status the transition led to: {@code finalized}, {@code paid},
 *                       {@code payment_failed}, {@code void}, {@code uncollectible}
 * @param amountDueCents what the customer is asked to pay, in cents (set at finalization, never negative)
 * @param totalCents     the invoice's total in cents
 * @param currency       always {@value #USD}
 * @param occurredAt     when the transition happened (the invoice's finalized, paid, failed, voided time)
 */
public record InvoiceNotification(
        String id,
        String type,
        String invoice,
        CustomerId customer,
        BillingPeriod period,
        String status,
        long amountDueCents,
        long totalCents,
        String currency,
        Instant occurredAt) {

    public static final String FINALIZED = "invoice.finalized";
    public static final String PAID = "invoice.paid";
    public static final String PAYMENT_FAILED = "invoice.payment_failed";
    public static final String VOIDED = "invoice.voided";
    public static final String MARKED_UNCOLLECTIBLE = "invoice.marked_uncollectible";
    /** Every type, in the order an invoice can go through them. */
    public static final List<String> TYPES = List.of(FINALIZED, PAID, PAYMENT_FAILED, VOIDED, MARKED_UNCOLLECTIBLE);
    public static final String USD = "usd";

    public InvoiceNotification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown invoice notification type " + type);
        }
    }

    /** The notification of {@code type} for an invoice, with its stable id. */
    public static InvoiceNotification of(String type, String invoice, CustomerId customer, BillingPeriod period,
                                         String status, long amountDueCents, long totalCents, Instant occurredAt) {
        return new InvoiceNotification(idOf(invoice, type), type, invoice, customer, period, status, amountDueCents,
                totalCents, USD, occurredAt);
    }

    public static String idOf(String invoice, String type) {
        return invoice + ':' + type;
    }
}
