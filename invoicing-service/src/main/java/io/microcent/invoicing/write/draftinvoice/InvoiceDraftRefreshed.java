package io.microcent.invoicing.write.draftinvoice;

import io.microcent.invoicing.write.invoice.InvoiceEvent;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.invoice.InvoiceLineData;

import java.time.Instant;
import java.util.List;

/** A draft's lines were replaced by newer ones (late usage, a coupon, a plan change). */
public record InvoiceDraftRefreshed(InvoiceId invoice, List<InvoiceLineData> lines, Instant refreshedAt)
        implements InvoiceEvent {

    public InvoiceDraftRefreshed {
        lines = List.copyOf(lines);
    }
}
