package io.microcent.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The sender's id for one usage event; the idempotency key: an id is counted once. */
public record EventId(@JsonValue String raw) {

    public EventId {
        raw = IdRule.TOKEN.check("id", raw);
    }

    @JsonCreator
    public static EventId of(String raw) {
        return new EventId(raw);
    }

    @Override
    public String toString() {
        return raw;
    }
}
