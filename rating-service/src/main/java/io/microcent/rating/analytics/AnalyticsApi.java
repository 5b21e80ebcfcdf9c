package io.microcent.rating.analytics;

import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;
import org.jooq.DSLContext;

import java.time.Clock;
import java.util.List;

/**
 * The operator analytics API over the hourly rollups: activity series, per-model usage breakdowns, and the Usage
 * page's totals, buckets and rows per user or team with the values its filters offer.
 */
public final class AnalyticsApi {

    private AnalyticsApi() {
    }

    public static HttpRoutes routes(OperatorAuth auth, DSLContext db, Clock clock) {
        AnalyticsRepository analytics = new AnalyticsRepository(db);
        List<HttpRoutes> endpoints = List.of(
                new ActivityEndpoint(auth, analytics),
                new UsageBreakdownEndpoint(auth, analytics, clock),
                new UsageEndpoint(auth, db));
        return routes -> endpoints.forEach(endpoint -> endpoint.register(routes));
    }
}
