package io.microcent.invoicing.write.changeplan;

import io.microcent.invoicing.write.CustomerEvent;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;

import java.time.Instant;

/**
 * A customer moved from {@code previousPlan} to {@code plan}.
 *
 * @param effectiveFrom the time of the changing command; usage from then on is rated under {@code plan}
 */
public record CustomerPlanChanged(CustomerId customer, PlanId previousPlan, PlanId plan, Instant effectiveFrom)
        implements CustomerEvent {
}
