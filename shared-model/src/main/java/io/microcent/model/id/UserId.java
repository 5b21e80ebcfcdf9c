package io.microcent.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The end user who made the call (often an e-mail address). */
public record UserId(@JsonValue String raw) {

    public UserId {
        raw = IdRule.LABEL.check("user", raw);
    }

    @JsonCreator
    public static UserId of(String raw) {
        return new UserId(raw);
    }

    @Override
    public String toString() {
        return raw;
    }
}
