package io.microcent.invoicing.write.invoice;

import io.microcent.model.error.ErrorCode;
import io.microcent.platform.axon.Rejection;

/** The invoice's status does not allow the command, e.g. voiding a paid invoice. */
public final class InvoiceStateConflict extends Rejection {

    public InvoiceStateConflict(InvoiceId invoice, InvoiceStatus status, String action) {
        super(ErrorCode.INVOICE_STATE_CONFLICT, null, "invoice " + invoice + " is " + status.jsonName()
                + " and cannot be " + action);
    }
}
