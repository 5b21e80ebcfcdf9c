package io.microcent.caps.spend;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;

import java.time.Instant;
import java.util.UUID;

/** Rated usage for tests, as rating would publish it. */
public final class RatedUsages {

    private RatedUsages() {
    }

    public static RatedUsage rated(CustomerId customer, Instant at, long requests, long chargeMicrocents, long costMicrocents) {
        UsageEvent event = new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("evt-" + UUID.randomUUID()), customer,
                at, at, null, null, null, null, null, null, null, requests, 0, 0, 0, 0);
        return new RatedUsage(event, event.period(), PlanId.of("starter"), 0, requests,
                Microcents.of(costMicrocents), Microcents.of(chargeMicrocents));
    }
}
