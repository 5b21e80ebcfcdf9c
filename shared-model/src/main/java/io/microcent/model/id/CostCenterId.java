package io.microcent.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A customer's cost center, for chargeback. */
public record CostCenterId(@JsonValue String raw) {

    public CostCenterId {
        raw = IdRule.LABEL.check("costCenter", raw);
    }

    @JsonCreator
    public static CostCenterId of(String raw) {
        return new CostCenterId(raw);
    }

    @Override
    public String toString() {
        return raw;
    }
}
