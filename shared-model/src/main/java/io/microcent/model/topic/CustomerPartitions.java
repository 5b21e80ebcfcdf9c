package io.microcent.model.topic;

import io.microcent.model.id.CustomerId;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition a customer's records go to on the customer-keyed topics: what Kafka's default partitioner
 * picks for the customer as key. A topic keyed otherwise whose records must meet a customer's usage in
 * one task (co-partitioned) writes each record to this partition explicitly.
 */
public final class CustomerPartitions {

    private CustomerPartitions() {
    }

    public static int of(CustomerId customer, int partitions) {
        byte[] key = Topics.CUSTOMER_KEY.serializer().serialize(Topics.USAGE_RATED.name(), customer);
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }
}
