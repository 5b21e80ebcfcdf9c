package io.microcent.caps.authorize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.microcent.caps.routing.OwnerRouting;
import io.microcent.caps.spend.ScopeIds;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.ApiKeyId;
import io.microcent.model.id.CostCenterId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.IdRule;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.ProjectId;
import io.microcent.model.id.TeamId;
import io.microcent.model.id.UserId;
import io.microcent.model.json.Json;
import io.microcent.model.usage.UsageLimits;
import io.microcent.platform.customers.CustomerDirectory;
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
 * 200 whether allowed or not; a refusal names the hard caps it would pass. A customer that does not exist is
 * no decision but a 422 {@code customer_not_found}: nothing is reserved for it.
 */
public final class AuthorizeEndpoint implements HttpRoutes {

    /** The most tokens of one kind a call may announce: what ingest accepts on its usage event, no more. */
    static final long MAX_TOKENS = UsageLimits.MAX_TOKENS_PER_FIELD;
    /** How long a caller waits before asking again when no decision could be made: a rebalance takes seconds. */
    static final int RETRY_AFTER_SECONDS = 1;
    private static final ObjectWriter ANSWER = Json.mapper().writerFor(Authorization.class);

    record Request(String customer, String project, String costCenter, String apiKeyId, String user, String team,
                   String provider, String model, BigDecimal estimatedInputTokens, BigDecimal maxOutputTokens) {
    }

    private final AuthorizeAccess access;
    private final Authorizer authorizer;
    private final CustomerDirectory customers;
    private final OwnerRouting routing;
    private final Clock clock;

    public AuthorizeEndpoint(AuthorizeAccess access, Authorizer authorizer, CustomerDirectory customers,
                             OwnerRouting routing, Clock clock) {
        this.access = access;
        this.authorizer = authorizer;
        this.customers = customers;
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
        try {
            // checked by the instance asked, before forwarding: every instance knows every customer
            customers.requireExists("customer", call.customer());
            routing.serve(ctx, call.customer(), () -> answer(ctx, authorizer.authorize(call, clock.instant())));
        } catch (RuntimeException e) {
            throw unavailableIfUndecidable(ctx, e);
        }
    }

    /** The answer as {@code ctx.json} writes it, with the writer looked up once instead of per answer. */
    private static void answer(Context ctx, Authorization authorization) {
        try {
            ctx.contentType(ContentType.APPLICATION_JSON).result(ANSWER.writeValueAsBytes(authorization));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an authorization could not be written as JSON", e);
        }
    }

    /**
     * When no decision can be made right now, the answer is 503 {@code service_unavailable} with
     * {@code Retry-After}, never a 500: the stores are restoring or rebalancing (or the streams are not
     * running: the store access reports that as restoring too), no instance owns the customer, the reservation could not be made durable, or a sum overflowed. Anything else is rethrown.
     */
    static RuntimeException unavailableIfUndecidable(Context ctx, RuntimeException e) {
        RuntimeException answer = switch (e) {
            case ApiException api when api.code() == ErrorCode.SERVICE_UNAVAILABLE -> api;
            case InvalidStateStoreException restoring ->
                    new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "caps are being restored or rebalanced; retry shortly");
            case ReservationLog.NotDurable notDurable ->
                    new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "the reservation could not be recorded; nothing is held, retry shortly");
            case ArithmeticException overflow ->
                    new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "the caps of this customer cannot be summed right now; retry later");
            default -> e;
        };
        if (answer instanceof ApiException api && api.code() == ErrorCode.SERVICE_UNAVAILABLE) {
            ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        }
        return answer;
    }

    private static CallRequest toCall(Request body) {
        RequestFields fields = new RequestFields();
        CustomerId customer = fields.required("customer", body.customer(), CustomerId::of);
        ProjectId project = fields.optional("project", body.project(), ProjectId::of, null);
        CostCenterId costCenter = fields.optional("costCenter", body.costCenter(), CostCenterId::of, null);
        ApiKeyId apiKey = fields.optional("apiKeyId", body.apiKeyId(), ApiKeyId::of, null);
        UserId user = fields.optional("user", body.user(), UserId::of, null);
        TeamId team = fields.optional("team", body.team(), TeamId::of, null);
        // the provider as ingest takes it on a usage event
        String provider = fields.optional("provider", body.provider(), raw -> IdRule.TOKEN.check("provider", raw), null);
        ModelId model = fields.optional("model", body.model(), ModelId::of, null);
        Long input = fields.wholeNumber("estimatedInputTokens", body.estimatedInputTokens(), 0, MAX_TOKENS, true);
        Long output = fields.wholeNumber("maxOutputTokens", body.maxOutputTokens(), 0, MAX_TOKENS, true);
        fields.throwIfInvalid();
        return new CallRequest(customer, ScopeIds.of(customer, project, costCenter, apiKey, user, team), provider, model, input, output);
    }
}
