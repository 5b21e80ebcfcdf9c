package io.microcent.invoicing.write;

import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.PlanId;
import io.microcent.platform.axon.Rejection;

public final class UnknownPlan extends Rejection {

    public UnknownPlan(PlanId plan) {
        super(ErrorCode.UNKNOWN_PLAN, "plan", "plan " + plan + " is not in the catalog");
    }
}
