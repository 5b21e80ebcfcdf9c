package io.microcent.console.pages.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.microcent.console.api.Api;
import io.microcent.console.api.ApiProblem;
import io.microcent.console.api.ServiceName;
import io.microcent.console.web.ConsoleArea;
import io.microcent.console.web.ConsoleRequest;
import io.microcent.console.web.Flash;
import io.microcent.console.web.Nav;
import io.microcent.console.web.Pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/webhooks}: the endpoints cap alerts and invoice events are sent to, creating (the signing
 * secret shown once, on the endpoint's page right after) and deleting them; {@code /console/webhooks/{id}}: an
 * endpoint's delivery log with each payload, and replaying a delivery.
 */
public final class WebhooksArea implements ConsoleArea {

    private static final String WEBHOOKS = Nav.WEBHOOKS.path();
    /** The event types and groups the caps service accepts in a filter, in the order the form offers them. */
    static final List<String> EVENT_TYPES = List.of("cap.*", "invoice.*", "cap.threshold_crossed", "cap.blocked",
            "invoice.finalized", "invoice.paid", "invoice.payment_failed", "invoice.voided", "invoice.marked_uncollectible");

    @Override
    public void register(RoutesConfig routes, Pages pages) {
        routes.get(WEBHOOKS, pages.page(this::list));
        routes.post(WEBHOOKS, pages.action(this::create));
        routes.get(WEBHOOKS + "/{id}", pages.page(this::show));
        routes.post(WEBHOOKS + "/{id}/delete", pages.action(this::delete));
        routes.post(WEBHOOKS + "/{id}/deliveries/{deliveryId}/replay", pages.action(this::replay));
    }

    private void list(ConsoleRequest request) {
        JsonNode answer = request.api().get(ServiceName.CAPS, "/v1/webhooks", Api.Query.none());
        request.render("Webhooks", Nav.WEBHOOKS, "webhooks/list.jte", Map.of("view", WebhooksView.of(answer), "eventTypes", EVENT_TYPES));
    }

    private void show(ConsoleRequest request) {
        String id = request.path("id");
        JsonNode all = request.api().get(ServiceName.CAPS, "/v1/webhooks", Api.Query.none());
        WebhooksView.Endpoint endpoint = WebhooksView.of(all).endpoints().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new ApiProblem(404, "not_found", "Not found", "no webhook " + id, List.of()));
        JsonNode log = request.api().get(ServiceName.CAPS, "/v1/webhooks/" + Api.segment(id) + "/deliveries", Api.Query.of("limit", "100"));
        request.render("Webhook " + id, Nav.WEBHOOKS, "webhooks/deliveries.jte",
                Map.of("endpoint", endpoint, "deliveries", WebhooksView.deliveries(log)));
    }

    private void create(ConsoleRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", request.param("url").orElse(""));
        request.param("customer").ifPresent(customer -> body.put("customer", customer));
        List<String> events = request.params("events");
        if (!events.isEmpty()) {
            body.put("events", events);
        }
        body.put("format", request.param("format").orElse("json"));
        request.param("description").ifPresent(description -> body.put("description", description));
        JsonNode created;
        try {
            created = request.api().post(ServiceName.CAPS, "/v1/webhooks", Api.Query.none(), body);
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 && problem.status() != 503) {
                throw problem;
            }
            request.refused(WEBHOOKS + "#create", problem);
            return;
        }
        String secret = created.path("secret").asText("");
        request.redirect(WEBHOOKS + "/" + Api.segment(created.path("id").asText()),
                new Flash("Webhook endpoint created.", null, Map.of(), secret.isEmpty() ? Map.of() : Map.of("secret", secret)));
    }

    private void delete(ConsoleRequest request) {
        request.api().delete(ServiceName.CAPS, "/v1/webhooks/" + Api.segment(request.path("id")));
        request.redirect(WEBHOOKS, "Webhook endpoint " + request.path("id") + " and its delivery log deleted.");
    }

    private void replay(ConsoleRequest request) {
        String page = WEBHOOKS + "/" + Api.segment(request.path("id"));
        try {
            request.api().post(ServiceName.CAPS, "/v1/webhooks/deliveries/" + Api.segment(request.path("deliveryId")) + "/replay",
                    Api.Query.none(), null);
            request.redirect(page, "Delivery " + request.path("deliveryId") + " queued again: it is sent within moments.");
        } catch (ApiProblem problem) {
            if (problem.status() != 409 && problem.status() != 404) {
                throw problem;
            }
            request.refused(page, problem);
        }
    }
}
