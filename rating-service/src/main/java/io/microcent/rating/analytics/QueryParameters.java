package io.microcent.rating.analytics;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A request's query parameters by name, each with every value it was sent with (a filter may repeat:
 * {@code tag=env:prod&tag=env:staging}); an absent parameter has none.
 */
@FunctionalInterface
public interface QueryParameters {

    /** Every value of {@code name}, in the order sent; empty when absent. */
    List<String> all(String name);

    /** The first value of {@code name}, or {@code null} when absent. */
    default String one(String name) {
        List<String> values = all(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** Parameters of one value each, e.g. a test's {@code Map.of("from", "2026-11-01")}. */
    static QueryParameters single(Map<String, String> parameters) {
        return name -> parameters.containsKey(name) ? List.of(parameters.get(name)) : List.of();
    }

    /** From a lookup such as Javalin's {@code ctx::queryParams}. */
    static QueryParameters of(Function<String, List<String>> lookup) {
        return lookup::apply;
    }
}
