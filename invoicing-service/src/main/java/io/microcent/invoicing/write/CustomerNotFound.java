package io.microcent.invoicing.write;

import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.platform.axon.Rejection;

public final class CustomerNotFound extends Rejection {

    public CustomerNotFound(CustomerId customer) {
        super(ErrorCode.CUSTOMER_NOT_FOUND, null, "no customer " + customer);
    }
}
