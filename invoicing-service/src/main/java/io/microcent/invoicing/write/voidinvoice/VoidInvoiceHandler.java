package io.microcent.invoicing.write.voidinvoice;

import io.microcent.invoicing.write.invoice.InvoiceEvent;
import io.microcent.invoicing.write.invoice.InvoiceNotFound;
import io.microcent.invoicing.write.invoice.InvoiceState;
import io.microcent.invoicing.write.invoice.InvoiceStateConflict;
import io.microcent.invoicing.write.invoice.InvoiceStatus;

import java.util.List;

/**
 * Voids a draft or an unpaid final invoice. A paid invoice is not voided (money came in: that is a refund,
 * a credit note, not a void); voiding a void one again changes nothing.
 */
public final class VoidInvoiceHandler {

    public List<InvoiceEvent> decide(VoidInvoice command, InvoiceState state) {
        if (!state.exists()) {
            throw new InvoiceNotFound(command.invoice());
        }
        return switch (state.status()) {
            case VOID -> List.of();
            case PAID -> throw new InvoiceStateConflict(command.invoice(), state.status(), "voided");
            default -> List.of(new InvoiceVoided(command.invoice(), command.at(), InvoiceVoided.BY_OPERATOR, null));
        };
    }
}
