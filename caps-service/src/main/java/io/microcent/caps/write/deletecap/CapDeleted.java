package io.microcent.caps.write.deletecap;

import io.microcent.caps.write.Actor;
import io.microcent.caps.write.CapEvent;
import io.microcent.model.id.CapId;
import io.microcent.model.id.CustomerId;

import java.time.Instant;

/** A cap was deleted; its history stays in the event store. */
public record CapDeleted(CapId capId, CustomerId customer, Actor actor, Instant at) implements CapEvent {
}
