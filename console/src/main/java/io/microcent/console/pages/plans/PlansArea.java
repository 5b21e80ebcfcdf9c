package io.microcent.console.pages.plans;

import io.javalin.config.RoutesConfig;
import io.microcent.console.api.Api;
import io.microcent.console.api.ServiceName;
import io.microcent.console.web.ConsoleArea;
import io.microcent.console.web.ConsoleRequest;
import io.microcent.console.web.Nav;
import io.microcent.console.web.Pages;

import java.util.Map;

/** {@code /console/plans}: the catalog invoicing bills with and rating prices with, each charge explained. */
public final class PlansArea implements ConsoleArea {

    @Override
    public void register(RoutesConfig routes, Pages pages) {
        routes.get(Nav.PLANS.path(), pages.page(this::show));
    }

    private void show(ConsoleRequest request) {
        request.render("Plans", Nav.PLANS, "plans/page.jte", Map.of("view",
                PlansView.of(request.api().get(ServiceName.INVOICING, "/v1/plans", Api.Query.none()))));
    }
}
