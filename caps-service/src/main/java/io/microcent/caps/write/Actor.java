package io.microcent.caps.write;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.microcent.model.id.IdRule;

/**
 * Who decided a change of a cap. The operator token carries no identity yet, so the operator console (or
 * script) names itself in the {@code X-Microcent-Actor} header; {@link #OPERATOR} when it does not.
 */
public record Actor(@JsonValue String name) {

    public static final String HEADER = "X-Microcent-Actor";
    public static final Actor OPERATOR = new Actor("operator");

    public Actor {
        name = IdRule.LABEL.check("actor", name);
    }

    @JsonCreator
    public static Actor of(String name) {
        return new Actor(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
