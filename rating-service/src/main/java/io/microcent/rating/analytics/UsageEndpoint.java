package io.microcent.rating.analytics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;
import org.jooq.DSLContext;

/**
 * The Usage page's two reads (operator), both over the hourly rollups:
 * {@code GET /v1/analytics/usage?from=&to=[&view=user|team][&bucket=hour|day][&customer=][&apiKey=&team=&tag=…]}
 * (totals, every bucket, one row per user or team) and {@code GET /v1/analytics/dimensions?from=&to=[&customer=]}
 * (the values the filters can choose from).
 */
public final class UsageEndpoint implements HttpRoutes {

    private final OperatorAuth auth;
    private final DSLContext db;
    private final UsageRepository usage;

    public UsageEndpoint(OperatorAuth auth, DSLContext db) {
        this.auth = auth;
        this.db = db;
        this.usage = new UsageRepository(db);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/analytics/usage", this::usage);
        routes.get("/v1/analytics/dimensions", this::dimensions);
    }

    private void usage(Context ctx) {
        auth.require(ctx);
        ctx.json(usage.report(UsageQuery.parse(ctx::queryParams)));
    }

    private void dimensions(Context ctx) {
        auth.require(ctx);
        ctx.json(Dimensions.of(db, UsageQuery.parse(ctx::queryParams)));
    }
}
