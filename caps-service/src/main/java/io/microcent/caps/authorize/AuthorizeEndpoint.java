package io.microcent.caps.authorize;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.caps.routing.OwnerRouting;
import io.microcent.caps.spend.ScopeIds;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.ApiKeyId;
import io.microcent.model.id.CostCenterId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.ProjectId;
import io.microcent.model.id.TeamId;
import io.microcent.model.id.UserId;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.JsonBodies;
import io.microcent.platform.http.RequestFields;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import java.math.BigDecimal;
import java.time.Clock;

/**
 * {@code POST /v1/authorize}: may this call be made? Asked before the call, with the scopes its usage will
 * carry and its token budget; answered by the instance owning the customer (forwarded there if need be).
 * 200 whether allowed or not; a refusal names the hard caps it would pass.
 */
public final class AuthorizeEndpoint implements HttpRoutes {

    /** Token counts above this are refused as typos, like ingest refuses quantities above 10^12. */
    static final long MAX_TOKENS = 1_000_000_000_000L;

    record Request(String customer, String project, String costCenter, String apiKeyId, String user, String team,
                   String model, BigDecimal estimatedInputTokens, BigDecimal maxOutputTokens) {
    }

    private final AuthorizeAccess access;
    private final Authorizer authorizer;
    private final OwnerRouting routing;
    private final Clock clock;

    public AuthorizeEndpoint(AuthorizeAccess access, Authorizer authorizer, OwnerRouting routing, Clock clock) {
        this.access = access;
        this.authorizer = authorizer;
        this.routing = routing;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/authorize", this::authorize);
    }

    private void authorize(Context ctx) {
        AuthorizeAccess.Caller caller = access.authenticate(ctx);
        CallRequest call = toCall(JsonBodies.read(ctx, Request.class));
        caller.requireMayActFor(call.customer());
        routing.serve(ctx, call.customer(), () -> {
            try {
                ctx.json(authorizer.authorize(call, clock.instant()));
            } catch (InvalidStateStoreException e) {
                throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "caps are being restored or rebalanced; retry shortly");
            }
        });
    }

    private static CallRequest toCall(Request body) {
        RequestFields fields = new RequestFields();
        CustomerId customer = fields.required("customer", body.customer(), CustomerId::of);
        ProjectId project = fields.optional("project", body.project(), ProjectId::of, null);
        CostCenterId costCenter = fields.optional("costCenter", body.costCenter(), CostCenterId::of, null);
        ApiKeyId apiKey = fields.optional("apiKeyId", body.apiKeyId(), ApiKeyId::of, null);
        UserId user = fields.optional("user", body.user(), UserId::of, null);
        TeamId team = fields.optional("team", body.team(), TeamId::of, null);
        ModelId model = fields.optional("model", body.model(), ModelId::of, null);
        Long input = fields.wholeNumber("estimatedInputTokens", body.estimatedInputTokens(), 0, MAX_TOKENS, true);
        Long output = fields.wholeNumber("maxOutputTokens", body.maxOutputTokens(), 0, MAX_TOKENS, true);
        fields.throwIfInvalid();
        return new CallRequest(customer, ScopeIds.of(customer, project, costCenter, apiKey, user, team), model, input, output);
    }
}
