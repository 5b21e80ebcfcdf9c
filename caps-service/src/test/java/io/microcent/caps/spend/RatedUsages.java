package io.microcent.caps.spend;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.PlanId;
import io.microcent.model.id.ProjectId;
import io.microcent.model.id.ReservationId;
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
        return usage(customer, at).requests(requests).charge(chargeMicrocents).cost(costMicrocents).rated();
    }

    public static Builder usage(CustomerId customer, Instant at) {
        return new Builder(customer, at);
    }

    /** One rated usage: event time {@code at} (also its ingest time), one request, nothing owed unless said. */
    public static final class Builder {
        private final CustomerId customer;
        private final Instant at;
        private ProjectId project;
        private ReservationId reservation;
        private long requests = 1;
        private long charge;
        private long cost;

        private Builder(CustomerId customer, Instant at) {
            this.customer = customer;
            this.at = at;
        }

        public Builder project(String name) {
            this.project = ProjectId.of(name);
            return this;
        }

        public Builder reservation(ReservationId id) {
            this.reservation = id;
            return this;
        }

        public Builder requests(long count) {
            this.requests = count;
            return this;
        }

        public Builder charge(long microcents) {
            this.charge = microcents;
            return this;
        }

        public Builder cost(long microcents) {
            this.cost = microcents;
            return this;
        }

        public RatedUsage rated() {
            UsageEvent event = new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("evt-" + UUID.randomUUID()), customer,
                    at, at, project, null, null, null, null, null, null, requests, 0, 0, 0, 0, reservation);
            return new RatedUsage(event, event.period(), PlanId.of("starter"), 0, requests,
                    Microcents.of(cost), Microcents.of(charge));
        }
    }
}
