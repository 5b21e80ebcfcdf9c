package io.microcent.caps.authorize;

import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.plan.Plan;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.plan.TokenPassThrough;
import io.microcent.model.price.PriceHistories;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Worst cases for tests of the decision. */
final class Estimators {

    /** One plan that charges the provider cost as it is: a call's charge is its cost. */
    static final PlanCatalog PASS_THROUGH = new PlanCatalog(List.of(new Plan(PlanId.of("pass-through"), "Pass-through",
            Microcents.ZERO, List.of(), Optional.of(new TokenPassThrough(BigDecimal.ZERO)))));

    private Estimators() {
    }

    /** No price book, one microcent per token, charged as it costs: a call's worst case is its token count in both measures. */
    static WorstCaseEstimator perToken() {
        return new WorstCaseEstimator(new CallCost(() -> PriceHistories.of(Map.of()), Rate.ofMicrocents("1")), PASS_THROUGH);
    }
}
