package io.microcent.invoicing.write.finalizeinvoice;

import io.microcent.invoicing.write.draftinvoice.InvoiceDrafted;
import io.microcent.invoicing.write.invoice.InvoiceEvent;
import io.microcent.invoicing.write.invoice.InvoiceLineData;
import io.microcent.invoicing.write.invoice.InvoiceState;
import io.microcent.invoicing.write.invoice.InvoiceStateConflict;
import io.microcent.invoicing.write.invoice.InvoiceStatus;
import io.microcent.invoicing.write.stripeinvoiceevent.InvoicePaid;

import java.util.ArrayList;
import java.util.List;

/**
 * Finalizes a draft, once (drafting it in the same step when period close never drafted it). An invoice with nothing to pay is paid at once, without Stripe. Finalizing an
 * invoice that is already past draft is refused, so a second instance's close changes nothing.
 */
public final class FinalizeInvoiceHandler {

    public List<InvoiceEvent> decide(FinalizeInvoice command, InvoiceState state) {
        List<InvoiceEvent> events = new ArrayList<>();
        if (!state.exists()) {
            events.add(new InvoiceDrafted(command.invoice(), command.customer(), command.period(), command.revision(),
                    command.lines().stream().map(FinalizeInvoiceHandler::exact).toList(), command.at()));
        } else if (state.status() != InvoiceStatus.DRAFT) {
            throw new InvoiceStateConflict(command.invoice(), state.status(), "finalized");
        } else if (!state.customer().equals(command.customer()) || !state.period().equals(command.period())) {
            throw new IllegalArgumentException("invoice " + command.invoice() + " is not " + command.customer()
                    + "'s invoice for " + command.period());
        }
        events.add(new InvoiceFinalized(command.invoice(), command.customer(), command.period(), command.lines(),
                command.subtotalCents(), command.discountCents(), command.totalCents(), command.amountDueCents(),
                command.creditCents(), command.at(), command.early()));
        if (command.amountDueCents() == 0) {
            events.add(new InvoicePaid(command.invoice(), command.at(), InvoicePaid.ZERO_AMOUNT));
        }
        return events;
    }

    private static InvoiceLineData exact(InvoiceLineData line) {
        return new InvoiceLineData(line.kind(), line.description(), line.quantity(), line.unitPrice(),
                line.amountMicrocents(), null, line.item());
    }
}
