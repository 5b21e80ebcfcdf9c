package io.microcent.caps.webhooks;

import io.microcent.model.caps.CapAlert;
import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import io.microcent.platform.customers.CustomerDirectory;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.kafka.TableProjectionOffsets;
import io.microcent.platform.kafka.ProjectionRunner;
import io.microcent.platform.service.ServiceContext;

/**
 * Outbound alert webhooks, running: the projection that queues {@code caps.alerts} for every matching
 * endpoint, the dispatcher that sends what is due, and the operator API. Every instance runs all three;
 * the projection shares partitions through its consumer group and the dispatchers share deliveries
 * through row locks. Needs the {@code caps} schema migrated.
 */
public final class AlertWebhooks implements AutoCloseable {

    private final ProjectionRunner<CustomerId, CapAlert> projection;
    private final DeliveryDispatcher dispatcher;
    private final WebhookSender sender;
    private final WebhooksApi api;

    private AlertWebhooks(ProjectionRunner<CustomerId, CapAlert> projection, DeliveryDispatcher dispatcher,
                          WebhookSender sender, WebhooksApi api) {
        this.projection = projection;
        this.dispatcher = dispatcher;
        this.sender = sender;
        this.api = api;
    }

    public static AlertWebhooks start(ServiceContext context, WebhookSettings settings, CustomerDirectory customers) {
        var db = context.database().dsl();
        WebhookUrlRule urls = settings.urlRule();
        WebhookSender sender = new WebhookSender(urls, context.clock());
        DeliveryDispatcher dispatcher = new DeliveryDispatcher(db, sender, settings, context.clock()).start();
        try {
            ProjectionRunner<CustomerId, CapAlert> projection = new ProjectionRunner<>(AlertDeliveryProjection.NAME,
                    Topics.CAPS_ALERTS, context.kafkaBootstrap(), context.instanceId() + "-webhooks", db,
                    new TableProjectionOffsets("caps", "webhook_offsets"), context.meters(), new AlertDeliveryProjection(context.clock())).start();
            WebhooksApi api = new WebhooksApi(context.operatorAuth(), new WebhookRepository(db), new DeliveryRepository(db),
                    dispatcher::wake, urls, customers, context.clock());
            return new AlertWebhooks(projection, dispatcher, sender, api);
        } catch (RuntimeException e) {
            dispatcher.close();
            sender.close();
            throw e;
        }
    }

    public HttpRoutes routes() {
        return api;
    }

    /** The projection has joined its group and polled, and the dispatcher runs. */
    public boolean isReady() {
        return projection.isReady() && dispatcher.isRunning();
    }

    @Override
    public void close() {
        projection.close();
        dispatcher.close();
        sender.close();
    }
}
