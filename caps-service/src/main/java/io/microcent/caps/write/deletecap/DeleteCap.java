package io.microcent.caps.write.deletecap;

import io.microcent.caps.write.Actor;
import io.microcent.model.id.CapId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** Delete a cap: from {@code requestedAt} on it no longer blocks or alerts. */
public record DeleteCap(@TargetAggregateIdentifier CapId capId, Actor actor, Instant requestedAt) {

    public DeleteCap {
        Objects.requireNonNull(capId, "capId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
