package io.microcent.console.pages.caps;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.microcent.console.api.Api;
import io.microcent.console.api.ApiProblem;
import io.microcent.console.api.ServiceName;
import io.microcent.console.format.DollarInput;
import io.microcent.console.web.ConsoleArea;
import io.microcent.console.web.ConsoleRequest;
import io.microcent.console.web.Nav;
import io.microcent.console.web.Pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/caps}: every cap with its spend against its amount (one call: the list carries each cap's
 * {@code current}), creating one; {@code /console/caps/{id}}: a cap's figures, its changes and the alerts it sent,
 * editing and deleting it.
 */
public final class CapsArea implements ConsoleArea {

    private static final String CAPS = Nav.CAPS.path();

    @Override
    public void register(RoutesConfig routes, Pages pages) {
        routes.get(CAPS, pages.page(this::list));
        routes.post(CAPS, pages.action(this::create));
        routes.get(CAPS + "/{id}", pages.page(this::show));
        routes.post(CAPS + "/{id}", pages.action(this::change));
        routes.post(CAPS + "/{id}/delete", pages.action(this::delete));
    }

    private void list(ConsoleRequest request) {
        JsonNode caps = request.api().get(ServiceName.CAPS, "/v1/caps",
                Api.Query.of("customer", request.param("customer").orElse(null)));
        request.render("Caps", Nav.CAPS, "caps/list.jte", Map.of("view", CapsView.of(caps, request.param("customer").orElse(""))));
    }

    private void show(ConsoleRequest request) {
        String path = "/v1/caps/" + Api.segment(request.path("id"));
        JsonNode cap = request.api().get(ServiceName.CAPS, path, Api.Query.none());
        JsonNode history = request.api().get(ServiceName.CAPS, path + "/history", Api.Query.none());
        JsonNode alerts = request.api().get(ServiceName.CAPS, path + "/alerts", Api.Query.none());
        CapsView.Row row = CapsView.Row.of(cap);
        request.render("Cap " + row.id(), Nav.CAPS, "caps/cap.jte", Map.of("view", CapPageView.of(row, history, alerts)));
    }

    private void create(ConsoleRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        body.put("customer", request.param("customer").orElse(null));
        body.put("scope", request.param("scope").orElse("customer"));
        request.param("scopeId").ifPresent(id -> body.put("scopeId", id));
        amount(request, body, errors);
        body.put("period", request.param("period").orElse("month"));
        body.put("measure", request.param("measure").orElse("charge"));
        body.put("mode", request.param("mode").orElse("hard"));
        thresholds(request, body, errors);
        if (!errors.isEmpty()) {
            request.refused(CAPS + "#create", invalid(errors));
            return;
        }
        try {
            JsonNode created = request.api().post(ServiceName.CAPS, "/v1/caps", Api.Query.none(), body);
            request.redirect(CAPS + "/" + Api.segment(created.path("id").asText()), "Cap created.");
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 && problem.status() != 503) {
                throw problem;
            }
            request.refused(CAPS + "#create", problem);
        }
    }

    private void change(ConsoleRequest request) {
        String page = CAPS + "/" + Api.segment(request.path("id"));
        Map<String, Object> body = new LinkedHashMap<>();
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        amount(request, body, errors);
        request.param("mode").ifPresent(mode -> body.put("mode", mode));
        thresholds(request, body, errors);
        if (!errors.isEmpty()) {
            request.refused(page + "#edit", invalid(errors));
            return;
        }
        try {
            request.api().patch(ServiceName.CAPS, "/v1/caps/" + Api.segment(request.path("id")), body);
            request.redirect(page, "Cap changed.");
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 && problem.status() != 503) {
                throw problem;
            }
            request.refused(page + "#edit", problem);
        }
    }

    private void delete(ConsoleRequest request) {
        request.api().delete(ServiceName.CAPS, "/v1/caps/" + Api.segment(request.path("id")));
        request.redirect(CAPS, "Cap " + request.path("id") + " deleted.");
    }

    /** The amount typed in dollars, exactly in microcents (BigDecimal, never a double). */
    private static void amount(ConsoleRequest request, Map<String, Object> body, List<ApiProblem.FieldError> errors) {
        try {
            body.put("amountMicrocents", DollarInput.microcents(request.param("amount").orElse("")));
        } catch (DollarInput.Invalid e) {
            errors.add(new ApiProblem.FieldError("amountMicrocents", "invalid", "Amount: " + e.getMessage()));
        }
    }

    /** {@code 50, 80, 100} → [50, 80, 100]; the service checks the range and repeats. */
    private static void thresholds(ConsoleRequest request, Map<String, Object> body, List<ApiProblem.FieldError> errors) {
        String typed = request.param("thresholds").orElse(null);
        if (typed == null) {
            return;
        }
        List<Integer> thresholds = new ArrayList<>();
        for (String part : typed.split("[,\\s%]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                thresholds.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                errors.add(new ApiProblem.FieldError("thresholds", "invalid", "Thresholds: whole percentages separated by commas, e.g. 50, 80, 100"));
                return;
            }
        }
        body.put("thresholds", thresholds);
    }

    private static ApiProblem invalid(List<ApiProblem.FieldError> errors) {
        return new ApiProblem(422, "validation_failed", "Invalid", "Check the fields marked below.", errors);
    }
}
