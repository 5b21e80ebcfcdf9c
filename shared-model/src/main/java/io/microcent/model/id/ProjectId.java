package io.microcent.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A customer's project, as the customer names it. */
public record ProjectId(@JsonValue String raw) {

    public ProjectId {
        raw = IdRule.LABEL.check("project", raw);
    }

    @JsonCreator
    public static ProjectId of(String raw) {
        return new ProjectId(raw);
    }

    @Override
    public String toString() {
        return raw;
    }
}
