package io.microcent.invoicing.read.usage;

import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;

/**
 * A customer's usage in one billing period, as the operator API answers it.
 *
 * @param includedRequests the allowance of the customer's current plan for the period
 * @param overageRequests  requests rated beyond the allowance so far
 * @param chargeMicrocents what the customer owes for the usage so far (base fee not included)
 * @param costMicrocents   what the usage cost at the providers
 */
public record UsageReport(CustomerId customer, BillingPeriod period, long requests, long includedRequests,
                          long overageRequests, Microcents chargeMicrocents, Microcents costMicrocents) {
}
