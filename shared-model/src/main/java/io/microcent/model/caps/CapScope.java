package io.microcent.model.caps;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a cap limits: the whole customer or one of the scopes a usage event may carry. */
public enum CapScope {
    CUSTOMER("customer"),
    PROJECT("project"),
    COST_CENTER("costCenter"),
    API_KEY("apiKey"),
    USER("user"),
    TEAM("team");

    private final String wireName;

    CapScope(String wireName) {
        this.wireName = wireName;
    }

    /** Parses the wire name; throws {@link IllegalArgumentException} naming the allowed ones otherwise. */
    @JsonCreator
    public static CapScope of(String text) {
        return WireNames.parse("scope", values(), CapScope::wireName, text);
    }

    /** The name in JSON and on topics, e.g. {@code customer}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
