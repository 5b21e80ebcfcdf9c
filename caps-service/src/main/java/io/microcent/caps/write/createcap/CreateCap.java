package io.microcent.caps.write.createcap;

import io.microcent.caps.write.Actor;
import io.microcent.caps.write.CapSettings;
import io.microcent.model.caps.CapMeasure;
import io.microcent.model.caps.CapPeriod;
import io.microcent.model.caps.CapScope;
import io.microcent.model.id.CapId;
import io.microcent.model.id.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/**
 * Create a cap on one scope of a customer.
 *
 * @param scopeId     already checked against the scope's id rule (the customer itself for a customer cap)
 * @param requestedAt when the operator asked; the cap applies from then on, to the whole current period
 */
public record CreateCap(@TargetAggregateIdentifier CapId capId, CustomerId customer, CapScope scope, String scopeId,
                        CapPeriod period, CapMeasure measure, CapSettings settings, Actor actor, Instant requestedAt) {

    public CreateCap {
        Objects.requireNonNull(capId, "capId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(scopeId, "scopeId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
