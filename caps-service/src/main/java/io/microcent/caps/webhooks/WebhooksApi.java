package io.microcent.caps.webhooks;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.model.error.ErrorCode;
import io.microcent.platform.customers.CustomerDirectory;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.JsonBodies;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.http.QueryParams;

import java.time.Clock;
import java.util.List;

/**
 * The operator API of alert webhooks:
 * <ul>
 *   <li>{@code POST /v1/webhooks}: configure an endpoint (for every customer, or for one that exists);
 *   the answer carries its signing secret, shown only then</li>
 *   <li>{@code GET /v1/webhooks}, {@code DELETE /v1/webhooks/{id}}</li>
 *   <li>{@code GET /v1/webhooks/{id}/deliveries?limit=100}: the delivery log, newest first</li>
 *   <li>{@code POST /v1/webhooks/deliveries/{deliveryId}/replay}: send one delivery again</li>
 * </ul>
 */
final class WebhooksApi implements HttpRoutes {

    /** The answer of a create: the endpoint and, this once, its secret. */
    record CreatedWebhook(@JsonUnwrapped Webhook webhook, String secret) {
    }

    /** Lists are objects, so that paging can be added without breaking clients. */
    record WebhookList(List<Webhook> webhooks) {
    }

    record DeliveryLog(WebhookId webhookId, List<Delivery> deliveries) {
    }

    static final int DEFAULT_LOG_LIMIT = 100;
    static final int MAX_LOG_LIMIT = 500;

    private final OperatorAuth auth;
    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final Runnable dueNow;
    private final WebhookUrlRule urls;
    private final CustomerDirectory customers;
    private final Clock clock;

    /** @param dueNow called when a delivery became due right away, to send it without waiting for the next poll */
    WebhooksApi(OperatorAuth auth, WebhookRepository webhooks, DeliveryRepository deliveries, Runnable dueNow,
                WebhookUrlRule urls, CustomerDirectory customers, Clock clock) {
        this.auth = auth;
        this.urls = urls;
        this.customers = customers;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.dueNow = dueNow;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/webhooks", this::create);
        routes.get("/v1/webhooks", this::list);
        routes.delete("/v1/webhooks/{id}", this::delete);
        routes.get("/v1/webhooks/{id}/deliveries", this::deliveryLog);
        routes.post("/v1/webhooks/deliveries/{deliveryId}/replay", this::replay);
    }

    private void create(Context ctx) {
        auth.require(ctx);
        NewWebhook request = JsonBodies.read(ctx, WebhookRequest.class).validate(urls);
        if (request.customer() != null) {
            customers.requireExists("customer", request.customer());
        }
        String secret = WebhookSignature.newSecret();
        Webhook created = webhooks.create(request, secret, clock.instant());
        ctx.status(201).header("Location", "/v1/webhooks/" + created.id()).json(new CreatedWebhook(created, secret));
    }

    private void list(Context ctx) {
        auth.require(ctx);
        ctx.json(new WebhookList(webhooks.all()));
    }

    private void delete(Context ctx) {
        auth.require(ctx);
        WebhookId id = WebhookId.of(ctx.pathParam("id"));
        if (!webhooks.delete(id)) {
            throw notFound(id);
        }
        ctx.status(204);
    }

    private void deliveryLog(Context ctx) {
        auth.require(ctx);
        WebhookId id = WebhookId.of(ctx.pathParam("id"));
        int limit = QueryParams.wholeNumber(ctx, "limit", DEFAULT_LOG_LIMIT, 1, MAX_LOG_LIMIT);
        webhooks.find(id).orElseThrow(() -> notFound(id));
        ctx.json(new DeliveryLog(id, deliveries.forWebhook(id, limit)));
    }

    private void replay(Context ctx) {
        auth.require(ctx);
        DeliveryId id = DeliveryId.of(ctx.pathParam("deliveryId"));
        Delivery delivery = deliveries.find(id)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "no webhook delivery " + id));
        Webhook webhook = webhooks.find(delivery.webhookId()).orElseThrow(() -> notFound(delivery.webhookId()));
        if (webhook.disabledAt() != null) {
            throw new ApiException(ErrorCode.CONFLICT, "webhook " + webhook.id() + " is disabled ("
                    + webhook.disabledReason() + "); configure the endpoint again to send to it");
        }
        Delivery replayed = deliveries.replay(id, clock.instant()).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "no webhook delivery " + id));
        dueNow.run();
        ctx.status(202).json(replayed);
    }

    private static ApiException notFound(WebhookId id) {
        return new ApiException(ErrorCode.NOT_FOUND, "no webhook " + id);
    }
}
