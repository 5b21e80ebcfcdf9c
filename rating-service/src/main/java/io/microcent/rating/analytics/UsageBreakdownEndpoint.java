package io.microcent.rating.analytics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.InvalidIdException;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;

import java.time.Clock;

/**
 * {@code GET /v1/customers/{id}/usage/breakdown?period=2026-11} (operator): a customer's tokens and cost per
 * model in a billing period; without {@code period}, the current month (UTC). Rating does not know which
 * customers exist (invoicing does), so a customer without usage gets an empty list, not a 404.
 */
public final class UsageBreakdownEndpoint implements HttpRoutes {

    private final OperatorAuth auth;
    private final AnalyticsRepository analytics;
    private final Clock clock;

    public UsageBreakdownEndpoint(OperatorAuth auth, AnalyticsRepository analytics, Clock clock) {
        this.auth = auth;
        this.analytics = analytics;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/customers/{id}/usage/breakdown", this::get);
    }

    private void get(Context ctx) {
        auth.require(ctx);
        CustomerId customer = customer(ctx);
        BillingPeriod period = period(ctx);
        ctx.json(new UsageBreakdown(customer, period, analytics.byModel(customer, period)));
    }

    private static CustomerId customer(Context ctx) {
        try {
            return CustomerId.of(ctx.pathParam("id"));
        } catch (InvalidIdException e) {
            throw ApiException.badParameter("id", "id " + e.reason());
        }
    }

    private BillingPeriod period(Context ctx) {
        String raw = ctx.queryParam("period");
        if (raw == null) {
            return BillingPeriod.containing(clock.instant());
        }
        try {
            return BillingPeriod.parse(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("period", e.getMessage());
        }
    }
}
