package io.microcent.invoicing.write;

import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;

public final class CustomerAlreadyExists extends Rejection {

    public CustomerAlreadyExists(CustomerId customer) {
        super(ErrorCode.CUSTOMER_EXISTS, "id", "customer " + customer + " already exists");
    }
}
