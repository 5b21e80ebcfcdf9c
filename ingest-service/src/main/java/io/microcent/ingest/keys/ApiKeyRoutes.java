package io.microcent.ingest.keys;

import io.javalin.config.RoutesConfig;
import io.microcent.model.id.ApiKeyId;
import io.microcent.model.id.InvalidIdException;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.JsonBodies;
import io.microcent.platform.http.OperatorAuth;

import java.util.Map;

/** The operator API for ingest keys: {@code /v1/api-keys}. Every route needs the operator token. */
public final class ApiKeyRoutes implements HttpRoutes {

    private final ApiKeys keys;
    private final OperatorAuth operatorAuth;

    public ApiKeyRoutes(ApiKeys keys, OperatorAuth operatorAuth) {
        this.keys = keys;
        this.operatorAuth = operatorAuth;
    }

    @Override
    public void register(RoutesConfig routes) {
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
