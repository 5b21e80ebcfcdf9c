package io.microcent.model.caps;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether new calls in a cap's scope are allowed: {@code blocked} once a hard cap's spend reaches its amount. */
public enum CapStatus {
    ALLOWED("allowed"),
    BLOCKED("blocked");

    private final String wireName;

    CapStatus(String wireName) {
        this.wireName = wireName;
    }

    /** Parses the wire name; throws {@link IllegalArgumentException} naming the allowed ones otherwise. */
    @JsonCreator
    public static CapStatus of(String text) {
        return WireNames.parse("status", values(), CapStatus::wireName, text);
    }

    /** The name in JSON and on topics, e.g. {@code allowed}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
