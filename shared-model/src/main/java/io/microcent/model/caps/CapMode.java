package io.microcent.model.caps;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What reaching a cap does: {@code hard} blocks new calls through authorize, {@code soft} only alerts. */
public enum CapMode {
    HARD("hard"),
    SOFT("soft");

    private final String wireName;

    CapMode(String wireName) {
        this.wireName = wireName;
    }

    /** Parses the wire name; throws {@link IllegalArgumentException} naming the allowed ones otherwise. */
    @JsonCreator
    public static CapMode of(String text) {
        return WireNames.parse("mode", values(), CapMode::wireName, text);
    }

    /** The name in JSON and on topics, e.g. {@code hard}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
