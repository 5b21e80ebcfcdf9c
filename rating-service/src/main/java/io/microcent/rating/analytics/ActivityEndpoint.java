package io.microcent.rating.analytics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;

import java.util.List;

/**
 * {@code GET /v1/analytics/activity?from=2026-11-01&to=2026-11-30&groupBy=project[&customer=acme]}
 * (operator): daily cost, charge, requests and tokens with a breakdown by model, project, API key, cost
 * center, user, team or tag, optionally filtered by repeatable {@code apiKey}, {@code team}, {@code tag},
 * {@code model}, {@code project} and {@code user} parameters.
 */
public final class ActivityEndpoint implements HttpRoutes {

    private final OperatorAuth auth;
    private final AnalyticsRepository analytics;

    public ActivityEndpoint(OperatorAuth auth, AnalyticsRepository analytics) {
        this.auth = auth;
        this.analytics = analytics;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/analytics/activity", this::get);
    }

    private void get(Context ctx) {
        auth.require(ctx);
        ActivityQuery query = ActivityQuery.parse(ctx::queryParams);
        List<DailyUsage> usage = analytics.daily(query);
        ctx.json(query.groupBy() == GroupBy.TAG
                ? ActivityReport.of(query, usage, analytics.dailyTotals(query))
                : ActivityReport.of(query, usage));
    }
}
