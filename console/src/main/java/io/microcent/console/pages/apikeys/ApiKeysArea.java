package io.microcent.console.pages.apikeys;

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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/api-keys}: ingest API keys, creating and revoking them. A new key's secret is shown once, on
 * the page after the creation ({@code /console/api-keys/created}): it travels in the session's one-time flash,
 * never in a URL, so reloading that page shows it no more.
 */
public final class ApiKeysArea implements ConsoleArea {

    private static final String KEYS = Nav.API_KEYS.path();
    static final String SECRET = "secret";

    /** One key as listed. */
    public record KeyRow(String id, String name, String customer, String createdAt, String lastUsedAt, String revokedAt) {

        public boolean active() {
            return revokedAt.isEmpty();
        }
    }

    /** The page after a creation; {@code secret} empty once shown. */
    public record Created(String id, String name, String customer, String secret) {
    }

    @Override
    public void register(RoutesConfig routes, Pages pages) {
        routes.get(KEYS, pages.page(this::list));
        routes.post(KEYS, pages.action(this::create));
        routes.get(KEYS + "/created", pages.page(this::created));
        routes.post(KEYS + "/{id}/revoke", pages.action(this::revoke));
    }

    private void list(ConsoleRequest request) {
        JsonNode answer = request.api().get(ServiceName.INGEST, "/v1/api-keys", Api.Query.none());
        List<KeyRow> keys = new ArrayList<>();
        for (JsonNode key : answer.path("keys")) {
            keys.add(new KeyRow(key.path("id").asText(), key.path("name").asText(), key.path("customer").asText(""),
                    key.path("createdAt").asText(""), key.path("lastUsedAt").asText(""), key.path("revokedAt").asText("")));
        }
        request.render("API keys", Nav.API_KEYS, "apikeys/list.jte", Map.of("keys", keys.reversed()));
    }

    private void create(ConsoleRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", request.param("name").orElse(""));
        request.param("customer").ifPresent(customer -> body.put("customer", customer));
        JsonNode created;
        try {
            created = request.api().post(ServiceName.INGEST, "/v1/api-keys", Api.Query.none(), body);
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 && problem.status() != 503) {
                throw problem;
            }
            request.refused(KEYS + "#create", problem);
            return;
        }
        Map<String, String> shownOnce = new LinkedHashMap<>();
        shownOnce.put("id", created.path("id").asText());
        shownOnce.put("name", created.path("name").asText());
        shownOnce.put("customer", created.path("customer").asText(""));
        shownOnce.put(SECRET, created.path("secret").asText());
        request.redirect(KEYS + "/created", new Flash("API key created.", null, Map.of(), shownOnce));
    }

    private void created(ConsoleRequest request) {
        // read from the flash before render takes it: the secret is on this page once
        request.render("API key created", Nav.API_KEYS, "apikeys/created.jte", Map.of());
    }

    private void revoke(ConsoleRequest request) {
        request.api().delete(ServiceName.INGEST, "/v1/api-keys/" + Api.segment(request.path("id")));
        request.redirect(KEYS, "API key " + request.path("id") + " revoked: it no longer authenticates.");
    }
}
