package io.microcent.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The team the user belongs to. */
public record TeamId(@JsonValue String raw) {

    public TeamId {
        raw = IdRule.LABEL.check("team", raw);
    }

    @JsonCreator
    public static TeamId of(String raw) {
        return new TeamId(raw);
    }

    @Override
    public String toString() {
        return raw;
    }
}
