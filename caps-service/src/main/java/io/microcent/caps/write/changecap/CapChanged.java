package io.microcent.caps.write.changecap;

import io.microcent.caps.write.Actor;
import io.microcent.caps.write.CapEvent;
import io.microcent.model.caps.CapMode;
import io.microcent.model.id.CapId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;

import java.time.Instant;
import java.util.List;

/** A cap's settings changed; the event carries all of them as they are from {@code at} on. */
public record CapChanged(CapId capId, CustomerId customer, Microcents amountMicrocents, CapMode mode,
                         List<Integer> thresholds, Actor actor, Instant at) implements CapEvent {
}
