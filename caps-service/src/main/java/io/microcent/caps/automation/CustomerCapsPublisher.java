package io.microcent.caps.automation;

import io.microcent.caps.read.caps.CapRepository;
import io.microcent.model.caps.CapDefinition;
import io.microcent.model.caps.CustomerCaps;
import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ExecutionException;

import static io.microcent.caps.db.Tables.CAP_PUBLICATIONS;

/**
 * Publishes a customer's whole list of caps, as the current transaction sees it, on
 * {@code caps.definitions} and waits for Kafka's acknowledgement.
 *
 * <p>It first bumps the customer's row in {@code cap_publications}, which locks it until the transaction
 * ends: two transactions changing caps of the same customer publish one after the other, and the second
 * reads the list after the first committed, so the latest record on the compacted topic always holds
 * every cap. The bumped number is the publication's {@code version}.
 */
public final class CustomerCapsPublisher {

    private static final Logger log = LoggerFactory.getLogger(CustomerCapsPublisher.class);

    private final DSLContext tx;
    private final CapRepository caps;
    private final Producer<CustomerId, CustomerCaps> producer;

    /**
     * @param tx       statements that join the current transaction
     * @param caps     the read model on the same transaction
     * @param producer a durable (acks=all, idempotent) producer with {@link Topics#CAPS_DEFINITIONS}' serdes
     */
    public CustomerCapsPublisher(DSLContext tx, CapRepository caps, Producer<CustomerId, CustomerCaps> producer) {
        this.tx = tx;
        this.caps = caps;
        this.producer = producer;
    }

    public void publish(CustomerId customer) {
        long version = tx.insertInto(CAP_PUBLICATIONS)
                .set(CAP_PUBLICATIONS.CUSTOMER, customer.raw())
                .set(CAP_PUBLICATIONS.VERSION, 1L)
                .onConflict(CAP_PUBLICATIONS.CUSTOMER)
                .doUpdate()
                .set(CAP_PUBLICATIONS.VERSION, CAP_PUBLICATIONS.VERSION.plus(1))
                .returning(CAP_PUBLICATIONS.VERSION)
                .fetchSingle()
                .getVersion();
        List<CapDefinition> definitions = caps.definitionsOf(customer);
        CustomerCaps published = new CustomerCaps(customer, version, definitions);
        try {
            // bounded by the producer's delivery timeout
            producer.send(new ProducerRecord<>(Topics.CAPS_DEFINITIONS.name(), customer, published)).get();
            log.info("published {} cap(s) of customer {}, version {}", definitions.size(), customer, version);
        } catch (ExecutionException e) {
            throw new CapsNotPublished("could not publish the caps of customer " + customer, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CapsNotPublished("interrupted while publishing the caps of customer " + customer, e);
        }
    }
}
