package io.microcent.platform.test;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.platform.kafka.KafkaConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Customers that exist, for tests of services that refuse unknown ones: a plan on {@code customer.plans},
 * as invoicing publishes it before its customer API answers.
 */
public final class TestCustomers {

    private TestCustomers() {
    }

    /** Publishes {@code customer}'s plan and waits for the acknowledgement; answers {@code customer}. */
    public static String create(String bootstrap, String customer) {
        CustomerId id = CustomerId.of(customer);
        try (Producer<CustomerId, CustomerPlan> producer = new KafkaProducer<>(
                KafkaConfigs.durableProducer(bootstrap, "test-customers-" + UUID.randomUUID()),
                Topics.CUSTOMER_PLANS.keySerde().serializer(), Topics.CUSTOMER_PLANS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.CUSTOMER_PLANS.name(), id,
                    new CustomerPlan(id, PlanId.of("starter"), Instant.now()))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish customer " + customer, e);
        }
        return customer;
    }
}
