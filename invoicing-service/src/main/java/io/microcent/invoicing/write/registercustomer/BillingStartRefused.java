package io.microcent.invoicing.write.registercustomer;

import io.microcent.model.error.ErrorCode;
import io.microcent.platform.axon.Rejection;

/** A billing start in the future, or before the oldest period still open for late usage. */
final class BillingStartRefused extends Rejection {

    BillingStartRefused(String detail) {
        super(ErrorCode.VALIDATION_FAILED, "billingStartsAt", detail);
    }
}
