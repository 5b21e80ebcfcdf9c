package io.microcent.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A provider's model name, e.g. {@code gpt-4o-2024-08-06}. */
public record ModelId(@JsonValue String raw) {

    public ModelId {
        raw = IdRule.TOKEN.check("model", raw);
    }

    @JsonCreator
    public static ModelId of(String raw) {
        return new ModelId(raw);
    }

    @Override
    public String toString() {
        return raw;
    }
}
