package io.microcent.caps.read.caps;

import io.microcent.model.caps.CapDefinition;
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
 * A cap as operators see it.
 *
 * @param createdAt when the creating request was handled; {@code createdBy} the operator who sent it
 * @param updatedAt when the latest change was handled (the creation until one); {@code updatedBy} its operator
 */
public record CapView(CapId id, CustomerId customer, CapScope scope, String scopeId, Microcents amountMicrocents,
                      CapPeriod period, CapMeasure measure, CapMode mode, List<Integer> thresholds,
                      Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    /** The cap as the caps topology applies it. */
    public CapDefinition definition() {
        return new CapDefinition(id, customer, scope, scopeId, amountMicrocents, period, measure, mode, thresholds);
    }
}
