package io.microcent.invoicing.write.createcoupon;

import io.microcent.invoicing.write.coupon.CouponEvent;
import io.microcent.invoicing.write.coupon.CouponRejection;
import io.microcent.invoicing.write.coupon.CouponState;
import io.microcent.invoicing.write.UnknownPlan;
import io.microcent.model.id.PlanId;
import io.microcent.model.plan.PlanCatalog;

import java.util.List;

/** Decides whether a coupon can be created: once per code, restricted only to plans of the catalog. */
public final class CreateCouponHandler {

    private final PlanCatalog plans;

    public CreateCouponHandler(PlanCatalog plans) {
        this.plans = plans;
    }

    public List<CouponEvent> decide(CreateCoupon command, CouponState state) {
        if (state.exists()) {
            if (command.acceptIdentical() && state.terms().equals(command.terms())) {
                return List.of();
            }
            throw CouponRejection.exists(command.coupon());
        }
        for (PlanId plan : command.terms().plans()) {
            if (plans.find(plan).isEmpty()) {
                throw new UnknownPlan(plan);
            }
        }
        return List.of(new CouponCreated(command.coupon(), command.terms(), command.requestedAt()));
    }
}
