package io.microcent.model.caps;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which amount a cap counts: what the customer owes under its plan ({@code charge}) or the provider cost ({@code cost}). */
public enum CapMeasure {
    CHARGE("charge"),
    COST("cost");

    private final String wireName;

    CapMeasure(String wireName) {
        this.wireName = wireName;
    }

    /** Parses the wire name; throws {@link IllegalArgumentException} naming the allowed ones otherwise. */
    @JsonCreator
    public static CapMeasure of(String text) {
        return WireNames.parse("measure", values(), CapMeasure::wireName, text);
    }

    /** The name in JSON and on topics, e.g. {@code charge}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
