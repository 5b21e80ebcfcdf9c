package io.microcent.rating.rerate;

import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.CustomerPartitions;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.CustomerPlan;
import org.apache.kafka.common.TopicPartition;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A customer's current plan, read from {@code customer.plans} (the topic the topology's plans store is
 * built from) rather than from the store, which may be held by another instance. The customer's
 * partition is read to its end, so this is the latest plan invoicing published.
 */
final class CustomerPlans {

    private final UsageLog log;

    CustomerPlans(UsageLog log) {
        this.log = log;
    }

    /** Empty for a customer rating has never been told of, or whose plan was removed. */
    Optional<CustomerPlan> current(CustomerId customer) {
        TopicPartition partition = log.partitionOf(Topics.CUSTOMER_PLANS, customer);
        byte[] key = CustomerPartitions.keyBytes(customer);
        AtomicReference<byte[]> latest = new AtomicReference<>();
        log.read(partition, log.start(partition), log.stableEnd(partition), record -> {
            if (Arrays.equals(key, record.key())) {
                latest.set(record.value()); // a tombstone (null) removes the customer
            }
        });
        return Optional.ofNullable(latest.get())
                .map(value -> Topics.CUSTOMER_PLANS.valueSerde().deserializer().deserialize(partition.topic(), value));
    }
}
