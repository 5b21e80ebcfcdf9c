package io.microcent.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A plan in the catalog, e.g. {@code starter}. */
public record PlanId(@JsonValue String raw) {

    public PlanId {
        raw = IdRule.SLUG.check("plan", raw);
    }

    @JsonCreator
    public static PlanId of(String raw) {
        return new PlanId(raw);
    }

    @Override
    public String toString() {
        return raw;
    }
}
