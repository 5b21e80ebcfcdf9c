package io.microcent.console.pages.usage;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.microcent.console.api.ServiceName;
import io.microcent.console.format.Csv;
import io.microcent.console.format.Money;
import io.microcent.console.web.ConsoleArea;
import io.microcent.console.web.ConsoleRequest;
import io.microcent.console.web.Nav;
import io.microcent.console.web.Pages;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * {@code /console/usage}: who consumes what, per user or per team, over the rating service's
 * {@code GET /v1/analytics/usage}. Filter changes swap the results in place (htmx) and push the URL; the same
 * page works as a plain GET form without JavaScript. {@code /console/usage.csv} is the table as shown, and
 * {@code /console/usage/live} streams new figures while they change (live mode).
 */
public final class UsageArea implements ConsoleArea {

    static final String CSV_PATH = UsageSelection.PATH + ".csv";
    static final String LIVE_PATH = UsageSelection.PATH + "/live";

    private final Clock clock;
    private final LiveUsage live;

    public UsageArea() {
        this(Clock.systemUTC(), Duration.ofSeconds(2));
    }

    UsageArea(Clock clock, Duration livePoll) {
        this.clock = clock;
        this.live = new LiveUsage(livePoll);
    }

    @Override
    public void register(RoutesConfig routes, Pages pages) {
        routes.get(Nav.USAGE.path(), pages.page(this::show));
        routes.get(CSV_PATH, pages.page(this::csv));
        routes.get(LIVE_PATH, pages.page(request -> live.stream(request, pages, UsageSelection.of(request, clock))));
    }

    /** Live-mode streams running in this process: a closed tab or live mode turned off must end its stream. */
    public static int liveStreams() {
        return LiveUsage.open();
    }

    static UsageView view(ConsoleRequest request, UsageSelection selection) {
        JsonNode answer = request.api().get(ServiceName.RATING, "/v1/analytics/usage", selection.usageQuery());
        return UsageView.of(selection, answer);
    }

    private void show(ConsoleRequest request) {
        UsageSelection selection = UsageSelection.of(request, clock);
        // an htmx filter change swaps the results only; going back in history asks for the whole page
        if (request.isHtmx() && !"true".equals(request.ctx().header("HX-History-Restore-Request"))) {
            request.fragment("usage/results.jte", Map.of("view", view(request, selection)));
            return;
        }
        try (Concurrently calls = new Concurrently()) {
            Future<UsageView> view = calls.start(() -> view(request, selection));
            Future<FilterOptions> options = calls.start(() -> FilterOptions.of(request, selection.range(), selection.customer(),
                    selection.apiKeys(), selection.tags(), selection.teams()));
            request.render("Usage", Nav.USAGE, "usage/page.jte", Map.of(
                    "view", Concurrently.result(view), "options", Concurrently.result(options)));
        }
    }

    /** The table as the page shows it (same filters, search and order), every figure exact. */
    private void csv(ConsoleRequest request) {
        UsageSelection selection = UsageSelection.of(request, clock);
        UsageView view = view(request, selection);
        Csv csv = new Csv().row(selection.nameHeading().toLowerCase(java.util.Locale.ROOT), "team", "teams", "users",
                "requests", "input_tokens", "output_tokens", "total_tokens", "cost_usd", "cost_microcents", "charge_usd",
                "charge_microcents", "models");
        for (UsageView.Row row : view.rows()) {
            csv.row(row.name(), row.team(), String.join(" ", row.teams()), row.users(), row.requests(), row.inputTokens(),
                    row.outputTokens(), row.totalTokens(), new BigDecimal(Money.of(row.costMicrocents()).exactDollars()),
                    row.costMicrocents(), new BigDecimal(Money.of(row.chargeMicrocents()).exactDollars()),
                    row.chargeMicrocents(), String.join(" ", row.models()));
        }
        String file = "usage-by-" + selection.view().parameter() + "-" + selection.range().fromDate() + "-to-"
                + selection.range().toDate() + ".csv";
        request.ctx().contentType(Csv.CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .result(csv.toString());
    }
}
