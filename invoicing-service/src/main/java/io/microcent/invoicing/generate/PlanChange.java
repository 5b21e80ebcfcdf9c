package io.microcent.invoicing.generate;

import io.microcent.model.plan.Plan;

import java.time.Instant;
import java.util.Objects;

/**
 * A request to move a subscription to another plan.
 *
 * @param requestedAt when the change was asked for
 * @param timing      when it takes effect; {@link Timing#DEFAULT} decides by the fees
 */
public record PlanChange(Plan plan, Instant requestedAt, Timing timing) {

    public PlanChange {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(timing, "timing");
    }

    public static PlanChange at(Plan plan, Instant requestedAt) {
        return new PlanChange(plan, requestedAt, Timing.DEFAULT);
    }

    public enum Timing {
        /**
         * An upgrade (a higher monthly fee than the plan in effect when asked) at once; anything else (a
         * downgrade, or a plan with the same fee) at the end of the fee term: the customer keeps what they
         * already pay for.
         */
        DEFAULT,
        /** At the request's time, whatever the fees; the base fees are prorated by the second. */
        IMMEDIATELY,
        /** At the end of the fee term the request falls in (the month, or the billing year). */
        AT_TERM_END
    }
}
