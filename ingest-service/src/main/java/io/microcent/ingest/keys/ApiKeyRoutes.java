package io.microcent.ingest.keys;

import io.javalin.config.RoutesConfig;
import io.microcent.model.id.ApiKeyId;
import io.microcent.model.id.InvalidIdException;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.JsonBodies;
import io.microcent.platform.http.OperatorAuth;

import java.util.Map;

/**
 * The API for ingest keys: {@code /v1/api-keys}, managed with the operator token; and
 * {@code GET /v1/api-keys/current}, where a key shows itself, so that another service (caps'
 * {@code /v1/authorize}) or a gateway can check a secret without reading ingest's keys.
 */
public final class ApiKeyRoutes implements HttpRoutes {

    public static final String CURRENT_KEY_PATH = "/v1/api-keys/current";

    private final ApiKeys keys;
    private final ApiKeyAuthenticator authenticator;
    private final OperatorAuth operatorAuth;

    public ApiKeyRoutes(ApiKeys keys, ApiKeyAuthenticator authenticator, OperatorAuth operatorAuth) {
        this.keys = keys;
        this.authenticator = authenticator;
        this.operatorAuth = operatorAuth;
    }

    @Override
    public void register(RoutesConfig routes) {
        // the key of the request's own secret; 401 when it is no active key
        routes.get(CURRENT_KEY_PATH, ctx -> ctx.json(authenticator.authenticate(ctx)));
        routes.post("/v1/api-keys", ctx -> {
            operatorAuth.require(ctx);
            CreatedApiKey created = keys.create(JsonBodies.read(ctx, CreateApiKeyRequest.class));
            ctx.status(201).json(created);
        });
        routes.get("/v1/api-keys", ctx -> {
            operatorAuth.require(ctx);
            ctx.json(Map.of("keys", keys.list()));
        });
        routes.delete("/v1/api-keys/{id}", ctx -> {
            operatorAuth.require(ctx);
            keys.revoke(pathId(ctx.pathParam("id")));
            ctx.status(204);
        });
    }

    private static ApiKeyId pathId(String raw) {
        try {
            return ApiKeyId.of(raw);
        } catch (InvalidIdException e) {
            throw ApiException.badParameter("id", "id " + e.reason());
        }
    }
}
