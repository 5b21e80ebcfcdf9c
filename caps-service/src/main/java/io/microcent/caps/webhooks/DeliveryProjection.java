package io.microcent.caps.webhooks;

import io.microcent.model.id.CustomerId;
import io.microcent.platform.kafka.ProjectionRunner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.jooq.Query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a topic of events ({@code caps.alerts}, {@code invoice.events}) into deliveries: one per event and
 * enabled endpoint that wants it, written in the {@link ProjectionRunner}'s transaction together with the
 * offsets (a transactional outbox). An event is therefore never lost between Kafka and the outbox, and reading
 * it again (a restart, a rebalance, the same event published twice) finds the {@code (webhook, event)} row
 * already there.
 *
 * <p>Endpoints receive the events processed after they were created; the projection does not go back.
 *
 * @param <V> the topic's value, made a {@link WebhookEvent} by {@code toEvent}
 */
final class DeliveryProjection<V> implements ProjectionRunner.Handler<CustomerId, V> {

    /** The consumer group and offsets of the {@code caps.alerts} projection (its name from before invoices). */
    static final String ALERTS = "caps-webhooks";
    static final String INVOICES = "caps-invoice-webhooks";

    private final Clock clock;
    private final Function<V, WebhookEvent> toEvent;

    DeliveryProjection(Clock clock, Function<V, WebhookEvent> toEvent) {
        this.clock = clock;
        this.toEvent = toEvent;
    }

    @Override
    public void apply(DSLContext tx, List<ConsumerRecord<CustomerId, V>> records) {
        List<Subscriber> subscribers = WebhookRepository.subscribers(tx);
        if (subscribers.isEmpty()) {
            return;
        }
        var now = clock.instant();
        List<Query> inserts = new ArrayList<>();
        for (ConsumerRecord<CustomerId, V> record : records) {
            if (record.value() == null) {
                continue;
            }
            WebhookEvent event = toEvent.apply(record.value());
            Map<WebhookFormat, String> bodies = new EnumMap<>(WebhookFormat.class);
            for (Subscriber subscriber : subscribers) {
                if (subscriber.wants(event)) {
                    String body = bodies.computeIfAbsent(subscriber.format(), format -> format.render(event));
                    inserts.add(DeliveryRepository.enqueue(tx, subscriber, event, body, now));
                }
            }
        }
        if (!inserts.isEmpty()) {
            tx.batch(inserts).execute();
        }
    }
}
