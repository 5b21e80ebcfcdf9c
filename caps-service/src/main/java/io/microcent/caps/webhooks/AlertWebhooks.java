package io.microcent.caps.webhooks;

import io.microcent.caps.read.alerts.CapAlertLog;
import io.microcent.model.caps.CapAlert;
import io.microcent.model.id.CustomerId;
import io.microcent.model.invoice.InvoiceNotification;
import io.microcent.model.topic.Topic;
import io.microcent.model.topic.Topics;
import io.microcent.platform.customers.CustomerDirectory;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.kafka.TableProjectionOffsets;
import io.microcent.platform.kafka.ProjectionRunner;
import io.microcent.platform.service.ServiceContext;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Clock;
import java.util.Objects;

/**
 * Outbound webhooks, running: the projections that queue {@code caps.alerts} and {@code invoice.events} for
 * every matching endpoint, the dispatcher that sends what is due, and the operator API. Every instance runs
 * them all; the projections share partitions through their consumer groups and the dispatchers share
 * deliveries through row locks. Needs the {@code caps} schema migrated.
 */
public final class AlertWebhooks implements AutoCloseable {

    private final ProjectionRunner<CustomerId, CapAlert> alerts;
    private final ProjectionRunner<CustomerId, InvoiceNotification> invoices;
    private final DeliveryDispatcher dispatcher;
    private final WebhookSender sender;
    private final WebhooksApi api;

    private AlertWebhooks(ProjectionRunner<CustomerId, CapAlert> alerts, ProjectionRunner<CustomerId, InvoiceNotification> invoices,
                          DeliveryDispatcher dispatcher, WebhookSender sender, WebhooksApi api) {
        this.alerts = alerts;
        this.invoices = invoices;
        this.dispatcher = dispatcher;
        this.sender = sender;
        this.api = api;
    }

    public static AlertWebhooks start(ServiceContext context, WebhookSettings settings, CustomerDirectory customers) {
        var db = context.database().dsl();
        WebhookUrlRule urls = settings.urlRule();
        // signatures carry real time, whatever the service clock says: receivers check t against their own clocks
        // (a simulation's clock, far ahead, would make every request look replayed), as Stripe's are checked here
        WebhookSender sender = new WebhookSender(urls, Clock.systemUTC());
        DeliveryDispatcher dispatcher = new DeliveryDispatcher(db, sender, settings, context.clock()).start();
        ProjectionRunner<CustomerId, CapAlert> alerts = null;
        try {
            alerts = project(context, DeliveryProjection.ALERTS, Topics.CAPS_ALERTS, "-webhooks",
                    keepingAlerts(new DeliveryProjection<CapAlert>(context.clock(), WebhookEvent::of)));
            ProjectionRunner<CustomerId, InvoiceNotification> invoices = project(context, DeliveryProjection.INVOICES,
                    Topics.INVOICE_EVENTS, "-invoice-webhooks", new DeliveryProjection<>(context.clock(), WebhookEvent::of));
            WebhooksApi api = new WebhooksApi(context.operatorAuth(), new WebhookRepository(db), new DeliveryRepository(db),
                    dispatcher::wake, urls, customers, context.clock());
            return new AlertWebhooks(alerts, invoices, dispatcher, sender, api);
        } catch (RuntimeException e) {
            if (alerts != null) {
                alerts.close();
            }
            dispatcher.close();
            sender.close();
            throw e;
        }
    }

    /** One topic into the outbox, with its offsets in {@code webhook_offsets} (keyed by projection name and topic). */
    private static <V> ProjectionRunner<CustomerId, V> project(ServiceContext context, String name, Topic<CustomerId, V> topic,
                                                               String clientSuffix, ProjectionRunner.Handler<CustomerId, V> handler) {
        return new ProjectionRunner<>(name, topic, context.kafkaBootstrap(), context.instanceId() + clientSuffix,
                context.database().dsl(), new TableProjectionOffsets("caps", "webhook_offsets"), context.meters(),
                handler).start();
    }

    /** The alerts are also kept for operators ({@code GET /v1/caps/{id}/alerts}), in the same transaction as their deliveries. */
    private static ProjectionRunner.Handler<CustomerId, CapAlert> keepingAlerts(DeliveryProjection<CapAlert> deliveries) {
        return (tx, records) -> {
            CapAlertLog.record(tx, records.stream().map(ConsumerRecord::value).filter(Objects::nonNull).toList());
            deliveries.apply(tx, records);
        };
    }

    public HttpRoutes routes() {
        return api;
    }

    /** Both projections have joined their groups and polled, and the dispatcher runs. */
    public boolean isReady() {
        return alerts.isReady() && invoices.isReady() && dispatcher.isRunning();
    }

    @Override
    public void close() {
        invoices.close();
        alerts.close();
        dispatcher.close();
        sender.close();
    }
}
