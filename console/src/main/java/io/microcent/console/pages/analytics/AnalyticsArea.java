package io.microcent.console.pages.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.microcent.console.api.Api;
import io.microcent.console.pages.usage.ApiKeyNames;
import io.microcent.console.pages.usage.Concurrently;
import io.microcent.console.api.ServiceName;
import io.microcent.console.web.ConsoleArea;
import io.microcent.console.web.ConsoleRequest;
import io.microcent.console.web.Nav;
import io.microcent.console.web.Pages;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * {@code /console/analytics}: cost, requests and tokens by model, project, API key, member, team, cost center or
 * tag over rating's {@code GET /v1/analytics/activity}; and {@code /console/analytics/api-keys/{id}}, the same for
 * one ingest key (the activity API's {@code apiKey} filter).
 */
public final class AnalyticsArea implements ConsoleArea {

    public static final String PATH = Nav.ANALYTICS.path();

    private final Clock clock;

    public AnalyticsArea() {
        this(Clock.systemUTC());
    }

    AnalyticsArea(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes, Pages pages) {
        routes.get(PATH, pages.page(this::organisation));
        routes.get(PATH + "/api-keys/{id}", pages.page(this::apiKey));
    }

    private void organisation(ConsoleRequest request) {
        AnalyticsSelection selection = AnalyticsSelection.of(request, clock, Optional.empty());
        try (Concurrently calls = new Concurrently()) {
            Future<AnalyticsView> view = calls.start(() -> view(request, selection));
            Future<List<String>> customers = calls.start(() -> customers(request, selection));
            Future<Map<String, String>> keyNames = calls.start(() -> ApiKeyNames.of(request));
            request.render("Analytics", Nav.ANALYTICS, "analytics/page.jte", Map.of("view", Concurrently.result(view),
                    "customers", Concurrently.result(customers), "keyNames", Concurrently.result(keyNames)));
        }
    }

    private void apiKey(ConsoleRequest request) {
        String id = request.path("id");
        AnalyticsSelection selection = AnalyticsSelection.of(request, clock, Optional.of(id));
        try (Concurrently calls = new Concurrently()) {
            Future<AnalyticsView> view = calls.start(() -> view(request, selection));
            Future<List<String>> customers = calls.start(() -> customers(request, selection));
            Future<Map<String, String>> keyNames = calls.start(() -> ApiKeyNames.of(request));
            String name = Concurrently.result(keyNames).get(id);
            request.render("API key " + (name == null ? id : name), Nav.ANALYTICS, "analytics/api-key.jte", Map.of(
                    "view", Concurrently.result(view), "customers", Concurrently.result(customers), "keyId", id,
                    "keyName", name == null ? "" : name));
        }
    }

    private static AnalyticsView view(ConsoleRequest request, AnalyticsSelection selection) {
        JsonNode activity = request.api().get(ServiceName.RATING, "/v1/analytics/activity", selection.activityQuery());
        return AnalyticsView.of(selection, activity);
    }

    /** The customers with usage in the window, for the customer filter. */
    private static List<String> customers(ConsoleRequest request, AnalyticsSelection selection) {
        JsonNode dimensions = request.api().get(ServiceName.RATING, "/v1/analytics/dimensions",
                Api.Query.of("from", selection.range().fromDate().toString(), "to", selection.range().toDate().toString()));
        List<String> customers = new ArrayList<>();
        dimensions.path("customers").forEach(c -> customers.add(c.asText()));
        if (!selection.customer().isEmpty() && !customers.contains(selection.customer())) {
            customers.add(selection.customer());
        }
        return customers;
    }
}
