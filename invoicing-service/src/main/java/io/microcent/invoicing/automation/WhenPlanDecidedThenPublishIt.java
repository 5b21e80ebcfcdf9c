package io.microcent.invoicing.automation;

import io.microcent.invoicing.write.changeplan.CustomerPlanChanged;
import io.microcent.invoicing.write.registercustomer.CustomerRegistered;
import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.CustomerPlan;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutionException;

/**
 * When a customer's plan is decided (registration, plan change), publishes it on
 * {@code customer.plans}, where rating reads it, and waits for Kafka's acknowledgement.
 *
 * <p>It runs in a subscribing processor, inside the deciding command and before its transaction
 * commits: the operator's request succeeds only once the plan is on the topic, so usage sent right after
 * is rated under it; and if Kafka fails, the command is rolled back and can simply be retried. The other
 * way round (published, then the commit fails) leaves the latest plan on the compacted topic ahead of
 * the event store until the operator retries, which publishes it again.
 */
@ProcessingGroup(WhenPlanDecidedThenPublishIt.PROCESSING_GROUP)
public final class WhenPlanDecidedThenPublishIt {

    public static final String PROCESSING_GROUP = "customer-plans";

    private static final Logger log = LoggerFactory.getLogger(WhenPlanDecidedThenPublishIt.class);

    private final Producer<CustomerId, CustomerPlan> producer;

    /** @param producer a durable (acks=all, idempotent) producer with {@link Topics#CUSTOMER_PLANS}' serdes */
    public WhenPlanDecidedThenPublishIt(Producer<CustomerId, CustomerPlan> producer) {
        this.producer = producer;
    }

    @EventHandler
    void on(CustomerRegistered event) {
        publish(new CustomerPlan(event.customer(), event.plan(), event.registeredAt()));
    }

    @EventHandler
    void on(CustomerPlanChanged event) {
        publish(new CustomerPlan(event.customer(), event.plan(), event.effectiveFrom()));
    }

    private void publish(CustomerPlan plan) {
        try {
            // bounded by the producer's delivery timeout
            // stamped with the decision's time, on the same clock ingest stamps usage with: rating catches up
            // on a backlog in timestamp order and must meet the plan before the usage sent after it
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
