package io.microcent.console.pages.rerate;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.microcent.console.api.Api;
import io.microcent.console.api.ApiProblem;
import io.microcent.console.api.ServiceName;
import io.microcent.console.web.ConsoleArea;
import io.microcent.console.web.ConsoleRequest;
import io.microcent.console.web.Nav;
import io.microcent.console.web.Pages;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Re-rating a customer's billing period after a price change: a form, then the job's page, which follows the
 * job's progress (htmx polls its status once a second until it is done or failed).
 */
public final class RerateArea implements ConsoleArea {

    static final String PATH = "/console/rerate";

    @Override
    public void register(RoutesConfig routes, Pages pages) {
        routes.get(PATH, pages.page(this::form));
        routes.post(PATH, pages.action(this::start));
        routes.get(PATH + "/{job}", pages.page(this::job));
        routes.get(PATH + "/{job}/progress", pages.page(this::progress));
    }

    private void form(ConsoleRequest request) {
        request.render("Re-rate a period", Nav.PRICE_BOOK, "rerate/form.jte", Map.of(
                "customer", request.param("customer").orElse(""),
                "period", request.param("period").orElse(YearMonth.now(ZoneOffset.UTC).toString())));
    }

    private void start(ConsoleRequest request) {
        String customer = request.param("customer").orElse("");
        try {
            JsonNode started = request.api().post(ServiceName.RATING, "/v1/customers/" + Api.segment(customer) + "/rerate",
                    Api.Query.of("period", request.param("period").orElse("")), null);
            request.redirect(PATH + "/" + Api.segment(started.path("jobId").asText()), "Re-rating started");
        } catch (ApiProblem problem) {
            request.refused(PATH, problem);
        }
    }

    private void job(ConsoleRequest request) {
        request.render("Re-rating", Nav.PRICE_BOOK, "rerate/job.jte", Map.of("job", RerateJob.of(read(request))));
    }

    private void progress(ConsoleRequest request) {
        request.fragment("rerate/progress.jte", Map.of("job", RerateJob.of(read(request))));
    }

    private static JsonNode read(ConsoleRequest request) {
        return request.api().get(ServiceName.RATING, "/v1/rerate-jobs/" + Api.segment(request.path("job")), Api.Query.none());
    }
}
