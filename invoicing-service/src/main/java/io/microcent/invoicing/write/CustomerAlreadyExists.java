package io.microcent.invoicing.write;

import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.platform.axon.Rejection;

public final class CustomerAlreadyExists extends Rejection {

    public CustomerAlreadyExists(CustomerId customer) {
        super(ErrorCode.CUSTOMER_EXISTS, "id", "customer " + customer + " already exists");
    }
}
