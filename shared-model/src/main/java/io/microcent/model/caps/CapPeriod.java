package io.microcent.model.caps;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How long a cap's spend accumulates before it starts again from zero: a calendar month or a day, in UTC. */
public enum CapPeriod {
    MONTH("month"),
    DAY("day");

    private final String wireName;

    CapPeriod(String wireName) {
        this.wireName = wireName;
    }

    /** Parses the wire name; throws {@link IllegalArgumentException} naming the allowed ones otherwise. */
    @JsonCreator
    public static CapPeriod of(String text) {
        return WireNames.parse("period", values(), CapPeriod::wireName, text);
    }

    /** The name in JSON and on topics, e.g. {@code month}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
