package io.microcent.caps.webhooks;

import io.microcent.model.caps.CapAlert;
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

/**
 * Turns {@code caps.alerts} into deliveries: one per alert and enabled endpoint that wants it, written in
 * the {@link ProjectionRunner}'s transaction together with the offsets (a transactional outbox). An alert
 * is therefore never lost between Kafka and the outbox, and reading it again (a restart, a rebalance, the
 * same alert published twice) finds the {@code (webhook, alert)} row already there.
 *
 * <p>Endpoints receive the alerts processed after they were created; the projection does not go back.
 */
final class AlertDeliveryProjection implements ProjectionRunner.Handler<CustomerId, CapAlert> {

    static final String NAME = "caps-webhooks";

    private final Clock clock;

    AlertDeliveryProjection(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void apply(DSLContext tx, List<ConsumerRecord<CustomerId, CapAlert>> records) {
        List<Subscriber> subscribers = WebhookRepository.subscribers(tx);
        if (subscribers.isEmpty()) {
            return;
        }
        var now = clock.instant();
        List<Query> inserts = new ArrayList<>();
        for (ConsumerRecord<CustomerId, CapAlert> record : records) {
            CapAlert alert = record.value();
            if (alert == null) {
                continue;
            }
            Map<WebhookFormat, String> bodies = new EnumMap<>(WebhookFormat.class);
            for (Subscriber subscriber : subscribers) {
                if (subscriber.wants(alert)) {
                    String body = bodies.computeIfAbsent(subscriber.format(), format -> format.render(alert));
                    inserts.add(DeliveryRepository.enqueue(tx, subscriber, alert, body, now));
                }
            }
        }
        if (!inserts.isEmpty()) {
            tx.batch(inserts).execute();
        }
    }
}
