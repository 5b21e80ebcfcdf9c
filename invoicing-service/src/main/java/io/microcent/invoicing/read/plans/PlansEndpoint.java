package io.microcent.invoicing.read.plans;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.model.plan.Plan;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;

import java.util.Comparator;
import java.util.List;

/** {@code GET /v1/plans}: the plan catalog the service decides and bills with (the one rating prices with), by fee. */
public final class PlansEndpoint implements HttpRoutes {

    public record PlanList(List<PlanView> plans) {
    }

    private final OperatorAuth auth;
    private final PlanList plans;

    public PlansEndpoint(OperatorAuth auth, PlanCatalog catalog) {
        this.auth = auth;
        this.plans = new PlanList(catalog.all().stream()
                .sorted(Comparator.comparing(Plan::monthlyFee).thenComparing(plan -> plan.id().raw()))
                .map(PlanView::of).toList());
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/plans", this::list);
    }

    private void list(Context ctx) {
        auth.require(ctx);
        ctx.json(plans);
    }
}
