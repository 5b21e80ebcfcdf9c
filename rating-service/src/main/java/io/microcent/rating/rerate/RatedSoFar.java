package io.microcent.rating.rerate;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.RatedUsage;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code usage.rated} holds for one customer's billing period, per event id: the sum of the event's
 * lines (its rating plus any corrections), and which events were rated as usage at all. Lines of other
 * customers or periods are ignored.
 */
final class RatedSoFar {

    private final CustomerId customer;
    private final BillingPeriod period;
    private final PlanCatalog plans;
    private final Map<EventId, RatedAmounts> sums = new HashMap<>();
    private final Set<EventId> ratedAsUsage = new HashSet<>();

    /** @param plans the catalog lines written before lines carried their charges are read with */
    RatedSoFar(CustomerId customer, BillingPeriod period, PlanCatalog plans) {
        this.customer = Objects.requireNonNull(customer, "customer");
        this.period = Objects.requireNonNull(period, "period");
        this.plans = Objects.requireNonNull(plans, "plans");
    }

    void add(RatedUsage line) {
        if (!line.event().customer().equals(customer) || !line.period().equals(period)) {
            return;
        }
        sums.merge(line.event().id(), RatedAmounts.of(line, plans), RatedAmounts::plus);
        if (!line.correction()) {
            ratedAsUsage.add(line.event().id());
        }
    }

    /** True when the live topology rated the event in this period (not merely corrected it). */
    boolean wasRated(EventId event) {
        return ratedAsUsage.contains(event);
    }

    /** The sum of the event's lines; {@link RatedAmounts#NONE} when it has none. */
    RatedAmounts of(EventId event) {
        return sums.getOrDefault(event, RatedAmounts.NONE);
    }
}
