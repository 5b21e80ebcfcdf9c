package io.microcent.invoicing.automation;

import io.microcent.model.id.CustomerId;
import io.microcent.model.invoice.InvoiceNotification;
import io.microcent.model.topic.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Puts an {@link InvoiceNotification} on {@code invoice.events}, keyed by customer, and waits for Kafka's
 * acknowledgement (at once, or with the rest of its batch: {@link DeferredAcks}), or throws {@link InvoiceNotPublished}. Publishing one again (a command retried after its
 * commit failed) is harmless: its id is the same, and webhook delivery queues an id once per endpoint.
 */
public final class InvoiceNotifier {

    private static final Logger log = LoggerFactory.getLogger(InvoiceNotifier.class);

    private final Producer<CustomerId, InvoiceNotification> producer;

    /** @param producer a durable (acks=all, idempotent) producer with {@link Topics#INVOICE_EVENTS}' serdes */
    public InvoiceNotifier(Producer<CustomerId, InvoiceNotification> producer) {
        this.producer = producer;
    }

    public void publish(InvoiceNotification notification) {
        try {
            // bounded by the producer's delivery timeout. No record timestamp of ours: the time that matters is
            // occurredAt in the value, on the service clock, which a simulation may have moved far ahead of the
            // broker's, and the broker refuses records stamped too far in its future
            Future<?> ack = producer.send(new ProducerRecord<>(Topics.INVOICE_EVENTS.name(), notification.customer(), notification));
            if (!DeferredAcks.defer(ack)) { // within a batch, the batch waits once before it commits
                ack.get();
            }
            log.debug("published {}", notification.id());
        } catch (ExecutionException e) {
            throw new InvoiceNotPublished("could not publish " + notification.id(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvoiceNotPublished("interrupted while publishing " + notification.id(), e);
        }
    }
}
