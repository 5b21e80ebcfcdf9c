package io.microcent.caps.write.createcap;

import io.microcent.caps.write.Actor;
import io.microcent.caps.write.CapEvent;
import io.microcent.model.caps.CapMeasure;
import io.microcent.model.caps.CapMode;
import io.microcent.model.caps.CapPeriod;
import io.microcent.model.caps.CapScope;
import io.microcent.model.id.CapId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;

import java.time.Instant;
import java.util.List;

/**
 * A cap was created: from {@code at} on, spend in {@code scope}/{@code scopeId} per {@code period} is held
 * to {@code amountMicrocents} (blocking when {@code mode} is hard) with alerts at {@code thresholds} percent.
 */
public record CapCreated(CapId capId, CustomerId customer, CapScope scope, String scopeId, Microcents amountMicrocents,
                         CapPeriod period, CapMeasure measure, CapMode mode, List<Integer> thresholds,
                         Actor actor, Instant at) implements CapEvent {
}
