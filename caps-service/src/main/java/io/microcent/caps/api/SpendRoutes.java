package io.microcent.caps.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.caps.routing.OwnerRouting;
import io.microcent.caps.spend.SpendQuery;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import java.time.Clock;

/**
 * {@code GET /v1/customers/{id}/spend[?period=YYYY-MM]} (default: the current month), for operators; answered by the instance owning the
 * customer (forwarded there if need be).
 */
public final class SpendRoutes implements HttpRoutes {

    private final SpendQuery query;
    private final OperatorAuth auth;
    private final OwnerRouting routing;
    private final Clock clock;

    public SpendRoutes(SpendQuery query, OperatorAuth auth, OwnerRouting routing, Clock clock) {
        this.clock = clock;
        this.query = query;
        this.auth = auth;
        this.routing = routing;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/customers/{id}/spend", this::spend);
    }

    private void spend(Context ctx) {
        auth.require(ctx);
        CustomerId customer = CustomerId.of(ctx.pathParam("id"));
        BillingPeriod period = period(ctx.queryParam("period"));
        routing.serve(ctx, customer, () -> {
            try {
                ctx.json(query.spendOf(customer, period).map(SpendView::of).orElseGet(() -> SpendView.none(customer, period)));
            } catch (InvalidStateStoreException e) {
                throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "spend is being restored or rebalanced; retry shortly");
            }
        });
    }

    /** Without {@code period}, the current month (UTC), as {@code /usage} answers. */
    private BillingPeriod period(String text) {
        if (text == null) {
            return BillingPeriod.containing(clock.instant());
        }
        try {
            return BillingPeriod.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("period", e.getMessage());
        }
    }
}
