package io.microcent.invoicing.read.usage;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.invoicing.api.PathIds;
import io.microcent.invoicing.read.customers.CustomerRepository;
import io.microcent.invoicing.read.customers.CustomerView;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.plan.Plan;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;

import java.time.Clock;

/**
 * {@code GET /v1/customers/{id}/usage?period=2026-11}: a customer's usage in a billing period. Without
 * {@code period}, the current month (UTC); a {@code period} that is not {@code YYYY-MM} is an invalid parameter.
 */
public final class UsageEndpoint implements HttpRoutes {

    private final OperatorAuth auth;
    private final CustomerRepository customers;
    private final UsageRepository usage;
    private final PlanCatalog plans;
    private final Clock clock;

    public UsageEndpoint(OperatorAuth auth, CustomerRepository customers, UsageRepository usage, PlanCatalog plans, Clock clock) {
        this.auth = auth;
        this.customers = customers;
        this.usage = usage;
        this.plans = plans;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/customers/{id}/usage", this::get);
    }

    private void get(Context ctx) {
        auth.require(ctx);
        CustomerId id = PathIds.customer(ctx);
        BillingPeriod period = period(ctx);
        CustomerView customer = customers.find(id)
                .orElseThrow(() -> new ApiException(ErrorCode.CUSTOMER_NOT_FOUND, "no customer " + id));
        Plan plan = plans.find(customer.plan())
                .orElseThrow(() -> new IllegalStateException("customer " + id + " is on plan " + customer.plan() + ", which is not in the catalog"));
        UsageTotals totals = usage.find(id, period);
        ctx.json(new UsageReport(id, period, totals.requests(), plan.includedRequests(), totals.overageRequests(),
                totals.charge(), totals.cost()));
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
