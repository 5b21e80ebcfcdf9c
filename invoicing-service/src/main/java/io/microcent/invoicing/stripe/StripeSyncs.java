package io.microcent.invoicing.stripe;

import io.microcent.invoicing.write.invoice.InvoiceId;
import org.jooq.DSLContext;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Where invoices stand with Stripe, for the invoice API and reconciliation. */
public final class StripeSyncs {

    private final StripeSyncRows rows;

    public StripeSyncs(DSLContext db) {
        this.rows = new StripeSyncRows(db);
    }

    /** The invoice's Stripe sync; empty for an invoice that was never finalized. */
    public Optional<StripeSyncView> find(InvoiceId invoice) {
        return rows.find(invoice);
    }

    /** The Stripe syncs of {@code invoices} in one query; invoices never finalized are absent. */
    public Map<InvoiceId, StripeSyncView> findAll(Collection<InvoiceId> invoices) {
        return invoices.isEmpty() ? Map.of() : rows.findAll(invoices);
    }

    /** Stripe's {@code total} of each of {@code invoices} that is {@code synced}; the others are absent. */
    public Map<InvoiceId, Long> stripeTotalsCents(Collection<InvoiceId> invoices) {
        return invoices.isEmpty() ? Map.of() : rows.stripeTotalsCents(invoices);
    }
}
