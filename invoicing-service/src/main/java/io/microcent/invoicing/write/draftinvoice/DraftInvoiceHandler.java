package io.microcent.invoicing.write.draftinvoice;

import io.microcent.invoicing.write.invoice.InvoiceEvent;
import io.microcent.invoicing.write.invoice.InvoiceState;
import io.microcent.invoicing.write.invoice.InvoiceStatus;

import java.util.List;

/**
 * Drafts once, then refreshes only a draft and only when its lines change. A draft command for an invoice
 * that is already final changes nothing: period close on another instance may have finalized it meanwhile,
 * and a final invoice's lines never change (what it missed lands on the next invoice).
 */
public final class DraftInvoiceHandler {

    public List<InvoiceEvent> decide(DraftInvoice command, InvoiceState state) {
        if (!state.exists()) {
            return List.of(new InvoiceDrafted(command.invoice(), command.customer(), command.period(),
                    command.revision(), command.lines(), command.at()));
        }
        if (state.status() != InvoiceStatus.DRAFT || state.lines().equals(command.lines())) {
            return List.of();
        }
        return List.of(new InvoiceDraftRefreshed(command.invoice(), command.lines(), command.at()));
    }
}
