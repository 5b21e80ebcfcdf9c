package io.microcent.invoicing.write.redeemcoupon;

import io.microcent.model.id.CustomerId;

/** Whether a customer has a finalized invoice: a first-time-only promotion code is for customers without one. */
@FunctionalInterface
public interface FinalizedInvoices {

    boolean exist(CustomerId customer);
}
