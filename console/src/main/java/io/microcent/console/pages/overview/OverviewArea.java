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
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** {@code /console}: the month at a glance, and what needs an operator's attention. */
public final class OverviewArea implements ConsoleArea {

    /** How many of each kind of invoice needing attention the overview lists. */
    static final String ATTENTION_LIMIT = "10";

    @Override
    public void register(RoutesConfig routes, Pages pages) {
        routes.get(Nav.OVERVIEW.path(), pages.page(this::show));
    }

    private void show(ConsoleRequest request) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        YearMonth month = YearMonth.from(today);
        Api api = request.api();
        // by customer: the month's totals and, summed over its days, the top customers, in one call
        JsonNode activity = api.get(ServiceName.RATING, "/v1/analytics/activity",
                Api.Query.of("from", month.atDay(1).toString(), "to", today.toString(), "groupBy", "customer"));
        JsonNode lastMonth = api.get(ServiceName.INVOICING, "/v1/invoices/summary", Api.Query.of("period", month.minusMonths(1).toString()));
        List<JsonNode> attention = List.of(
                api.get(ServiceName.INVOICING, "/v1/invoices", Api.Query.of("status", "payment_failed", "limit", ATTENTION_LIMIT)),
                api.get(ServiceName.INVOICING, "/v1/invoices", Api.Query.of("stripeStatus", "failed", "limit", ATTENTION_LIMIT)),
                api.get(ServiceName.INVOICING, "/v1/invoices", Api.Query.of("stripeStatus", "pending", "limit", ATTENTION_LIMIT)));
        JsonNode deadLetters = api.get(ServiceName.RATING, "/v1/dead-letters", Api.Query.of("limit", "5"));
        JsonNode caps = api.get(ServiceName.CAPS, "/v1/caps", Api.Query.none());
        request.render("Overview", Nav.OVERVIEW, "overview/page.jte", Map.of(
                "view", OverviewView.of(month, activity, lastMonth, attention, deadLetters, caps)));
    }
}
