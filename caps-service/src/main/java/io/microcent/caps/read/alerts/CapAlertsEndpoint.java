package io.microcent.caps.read.alerts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.caps.api.Requests;
import io.microcent.caps.read.caps.CapRepository;
import io.microcent.caps.read.caps.CapsEndpoint;
import io.microcent.model.caps.CapAlert;
import io.microcent.model.id.CapId;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.http.QueryParams;

import java.util.List;

/** {@code GET /v1/caps/{id}/alerts?limit=100}: the thresholds the cap crossed, newest first (the alerts on {@code caps.alerts}). */
public final class CapAlertsEndpoint implements HttpRoutes {

    public record Alerts(CapId capId, List<CapAlert> alerts) {
    }

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private final OperatorAuth auth;
    private final CapRepository caps;
    private final CapAlertLog alerts;

    public CapAlertsEndpoint(OperatorAuth auth, CapRepository caps, CapAlertLog alerts) {
        this.auth = auth;
        this.caps = caps;
        this.alerts = alerts;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/caps/{id}/alerts", this::list);
    }

    private void list(Context ctx) {
        auth.require(ctx);
        CapId id = Requests.capId(ctx);
        int limit = QueryParams.wholeNumber(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<CapAlert> sent = alerts.of(id, limit);
        if (sent.isEmpty()) {
            CapsEndpoint.require(caps, id); // a deleted cap's alerts are still listed; an unknown cap is 404
        }
        ctx.json(new Alerts(id, sent));
    }
}
