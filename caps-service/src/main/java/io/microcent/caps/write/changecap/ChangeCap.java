package io.microcent.caps.write.changecap;

import io.microcent.caps.write.Actor;
import io.microcent.model.caps.CapMode;
import io.microcent.model.id.CapId;
import io.microcent.model.money.Microcents;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Change a cap's amount, mode or thresholds; a {@code null} part stays as it is.
 *
 * @param requestedAt when the operator asked; the change applies from then on, to the whole current period
 */
public record ChangeCap(@TargetAggregateIdentifier CapId capId, Microcents amount, CapMode mode, List<Integer> thresholds,
                        Actor actor, Instant requestedAt) {

    public ChangeCap {
        Objects.requireNonNull(capId, "capId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(requestedAt, "requestedAt");
        thresholds = thresholds == null ? null : List.copyOf(thresholds);
    }
}
