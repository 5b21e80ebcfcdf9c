package io.microcent.model.plan;

import java.util.Objects;

/** A usage-based line of a plan: what it counts and how that count is priced. */
public record Charge(Meter meter, ChargeModel model) {

    public Charge {
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(model, "model");
    }
}
