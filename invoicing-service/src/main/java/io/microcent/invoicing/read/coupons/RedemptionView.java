package io.microcent.invoicing.read.coupons;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;

/**
 * A coupon redeemed by a customer, with the coupon's terms as of the redemption.
 *
 * @param promotionCode           the promotion code used, absent for the coupon's own code
 * @param endsAt                  for a repeating coupon, the first instant it no longer discounts
 * @param minimumAmountMicrocents the promotion code's minimum invoice subtotal, if it has one
 */
public record RedemptionView(String id, String customer, String coupon, String promotionCode, Instant redeemedAt,
                             Instant endsAt, @JsonUnwrapped TermsView terms, Long minimumAmountMicrocents) {
}
