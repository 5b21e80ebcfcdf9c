package io.microcent.invoicing.write.invoice;

import java.util.Locale;

/**
 * An invoice's life: {@code draft} → {@code finalized} → {@code paid} | {@code payment_failed} (→ {@code paid})
 * | {@code void} | {@code uncollectible} (→ {@code paid}). Only a draft's lines change.
 */
public enum InvoiceStatus {
    DRAFT, FINALIZED, PAID, PAYMENT_FAILED, VOID, UNCOLLECTIBLE;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InvoiceStatus fromJson(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Whether what the invoice billed counts as billed: every status past draft except void. */
    public boolean bills() {
        return this != DRAFT && this != VOID;
    }
}
