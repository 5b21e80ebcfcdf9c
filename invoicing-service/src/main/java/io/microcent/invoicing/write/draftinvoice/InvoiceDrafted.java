package io.microcent.invoicing.write.draftinvoice;

import io.microcent.invoicing.write.invoice.InvoiceEvent;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.invoice.InvoiceLineData;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;

import java.time.Instant;
import java.util.List;

/** The period's invoice exists, as a draft with the usage rated so far. */
public record InvoiceDrafted(InvoiceId invoice, CustomerId customer, BillingPeriod period, int revision,
                             List<InvoiceLineData> lines, Instant draftedAt) implements InvoiceEvent {

    public InvoiceDrafted {
        lines = List.copyOf(lines);
    }
}
