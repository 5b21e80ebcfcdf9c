package io.microcent.console.pages.overview;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.microcent.console.api.Api;
import io.microcent.console.api.ServiceName;
import io.microcent.console.web.ConsoleArea;
import io.microcent.console.web.ConsoleRequest;
import io.microcent.console.web.Nav;
import io.microcent.console.web.Pages;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/** {@code /console}: the month at a glance, and what needs an operator's attention. */
public final class OverviewArea implements ConsoleArea {

    @Override
    public void register(RoutesConfig routes, Pages pages) {
        routes.get(Nav.OVERVIEW.path(), pages.page(this::show));
    }

    private void show(ConsoleRequest request) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate monthStart = today.withDayOfMonth(1);
        JsonNode activity = request.api().get(ServiceName.RATING, "/v1/analytics/activity",
                Api.Query.of("from", monthStart.toString(), "to", today.toString(), "groupBy", "model"));
        JsonNode failed = request.api().get(ServiceName.INVOICING, "/v1/invoices", Api.Query.of("status", "payment_failed", "limit", "20"));
        JsonNode deadLetters = request.api().get(ServiceName.RATING, "/v1/dead-letters", Api.Query.of("limit", "5"));
        request.render("Overview", Nav.OVERVIEW, "overview/page.jte", Map.of(
                "view", OverviewView.of(monthStart, today, activity, failed, deadLetters)));
    }
}
