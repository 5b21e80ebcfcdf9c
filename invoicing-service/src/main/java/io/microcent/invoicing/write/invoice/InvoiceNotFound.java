package io.microcent.invoicing.write.invoice;

import io.microcent.model.error.ErrorCode;
import io.microcent.platform.axon.Rejection;

public final class InvoiceNotFound extends Rejection {

    public InvoiceNotFound(InvoiceId invoice) {
        super(ErrorCode.INVOICE_NOT_FOUND, null, "no invoice " + invoice);
    }
}
