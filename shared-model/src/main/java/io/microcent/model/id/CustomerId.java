package io.microcent.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The billed customer (tenant), as the operator named it, e.g. {@code acme}. */
public record CustomerId(@JsonValue String raw) {

    public CustomerId {
        raw = IdRule.SLUG.check("customer", raw);
    }

    @JsonCreator
    public static CustomerId of(String raw) {
        return new CustomerId(raw);
    }

    @Override
    public String toString() {
        return raw;
    }
}
