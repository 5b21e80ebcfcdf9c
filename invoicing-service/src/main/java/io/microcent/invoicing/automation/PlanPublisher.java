package io.microcent.invoicing.automation;

import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.CustomerPlan;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutionException;

/**
 * Puts a customer's plan on {@code customer.plans} and waits for Kafka's acknowledgement, or throws
 * {@link PlanNotPublished}: the one way invoicing publishes plans, at a decision or when a deferred change
 * falls due. Publishing the same plan again is harmless: the topic is compacted and rating keeps the latest.
 */
public final class PlanPublisher {

    private static final Logger log = LoggerFactory.getLogger(PlanPublisher.class);

    private final Producer<CustomerId, CustomerPlan> producer;

    /** @param producer a durable (acks=all, idempotent) producer with {@link Topics#CUSTOMER_PLANS}' serdes */
    public PlanPublisher(Producer<CustomerId, CustomerPlan> producer) {
        this.producer = producer;
    }

    public void publish(CustomerPlan plan) {
        try {
            // bounded by the producer's delivery timeout
            // stamped with the plan's effective time, on the same clock ingest stamps usage with: rating catches
            // up on a backlog in timestamp order and must meet the plan before the usage sent after it
            producer.send(new ProducerRecord<>(Topics.CUSTOMER_PLANS.name(), null, plan.effectiveFrom().toEpochMilli(),
                    plan.customer(), plan)).get();
            log.info("published plan {} of customer {} effective from {}", plan.plan(), plan.customer(), plan.effectiveFrom());
        } catch (ExecutionException e) {
            throw new PlanNotPublished("could not publish the plan of customer " + plan.customer(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlanNotPublished("interrupted while publishing the plan of customer " + plan.customer(), e);
        }
    }
}
