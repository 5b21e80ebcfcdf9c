package io.microcent.console.pages.usage;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.console.api.Api;
import io.microcent.console.api.ServiceName;
import io.microcent.console.web.ConsoleRequest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * What the filters offer: the API keys, tags and teams of the window's usage ({@code GET /v1/analytics/dimensions}),
 * the customers with usage in it, and the keys' names from ingest. A value already chosen stays offered even when
 * the window has no usage of it, so a shared URL never loses a filter silently.
 */
public record FilterOptions(List<Option> apiKeys, List<Option> tags, List<Option> teams, List<Option> customers) {

    /** One choice: the value sent, what is shown, and whether it is chosen. */
    public record Option(String value, String label, boolean chosen) {
    }

    public static FilterOptions of(ConsoleRequest request, TimeRange range, String customer, List<String> apiKeys,
                                   List<String> tags, List<String> teams) {
        try (Concurrently calls = new Concurrently()) {
            Future<JsonNode> all = calls.start(() -> dimensions(request, range, ""));
            Future<JsonNode> ofCustomer = customer.isEmpty() ? all : calls.start(() -> dimensions(request, range, customer));
            Future<Map<String, String>> keyNames = calls.start(() -> ApiKeyNames.of(request));
            return of(Concurrently.result(all), Concurrently.result(ofCustomer), Concurrently.result(keyNames), customer,
                    apiKeys, tags, teams);
        }
    }

    private static JsonNode dimensions(ConsoleRequest request, TimeRange range, String customer) {
        return request.api().get(ServiceName.RATING, "/v1/analytics/dimensions",
                Api.Query.of("from", range.usageFrom(), "to", range.usageTo(), "customer", customer));
    }

    private static FilterOptions of(JsonNode all, JsonNode ofCustomer, Map<String, String> keyNames, String customer,
                                    List<String> apiKeys, List<String> tags, List<String> teams) {
        return new FilterOptions(
                options(ofCustomer.path("apiKeys"), apiKeys, id -> keyNames.containsKey(id) ? keyNames.get(id) + " (" + id + ")" : id),
                options(ofCustomer.path("tags"), tags, tag -> tag),
                options(ofCustomer.path("teams"), teams, team -> team),
                options(all.path("customers"), customer.isEmpty() ? List.of() : List.of(customer), id -> id));
    }

    private static List<Option> options(JsonNode offered, List<String> chosen, java.util.function.UnaryOperator<String> label) {
        Set<String> values = new LinkedHashSet<>();
        offered.forEach(value -> values.add(value.asText()));
        values.addAll(chosen);
        List<Option> options = new ArrayList<>();
        values.forEach(value -> options.add(new Option(value, label.apply(value), chosen.contains(value))));
        return options;
    }

    /** {@code All} or {@code 2 chosen}: what a closed multi-select says. */
    public static String summary(List<Option> options) {
        long chosen = options.stream().filter(Option::chosen).count();
        return chosen == 0 ? "All" : chosen == 1 ? options.stream().filter(Option::chosen).findFirst().orElseThrow().label() : chosen + " chosen";
    }
}
