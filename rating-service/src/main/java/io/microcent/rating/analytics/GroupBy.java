package io.microcent.rating.analytics;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The dimension an activity breakdown is grouped by, as the {@code groupBy} parameter names it. */
public enum GroupBy {
    MODEL("model"),
    PROJECT("project"),
    API_KEY("apiKey"),
    COST_CENTER("costCenter"),
    USER("user"),
    TEAM("team"),
    /** Per customer: who drives the spend, across customers (the console's top customers). */
    CUSTOMER("customer"),
    /** One entry per tag: usage with several tags counts under each, so a day's entries may sum to more than its total. */
    TAG("tag");

    private final String parameter;

    GroupBy(String parameter) {
        this.parameter = parameter;
    }

    /** The value as the API spells it, e.g. {@code apiKey}. */
    @JsonValue
    public String parameter() {
        return parameter;
    }

    /** The dimension spelled exactly so; case matters, as everywhere else in the API. */
    public static Optional<GroupBy> parse(String parameter) {
        return Arrays.stream(values()).filter(g -> g.parameter.equals(parameter)).findFirst();
    }

    /** The accepted values, for error messages: {@code model, project, ...}. */
    public static String accepted() {
        return Arrays.stream(values()).map(GroupBy::parameter).collect(Collectors.joining(", "));
    }
}
