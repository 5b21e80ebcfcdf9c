package io.microcent.invoicing.write.redeemcoupon;

import io.microcent.invoicing.generate.BillingInterval;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;

import java.util.Objects;
import java.util.Optional;

/** What a redemption checks a coupon's restrictions against: the customer's current plan and billing interval. */
@FunctionalInterface
public interface CustomerTerms {

    /** Empty when there is no such customer. */
    Optional<Terms> of(CustomerId customer);

    record Terms(PlanId plan, BillingInterval interval) {
        public Terms {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(interval, "interval");
        }
    }
}
