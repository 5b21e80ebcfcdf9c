package io.microcent.model.topic;

import io.microcent.model.id.CustomerId;
import org.apache.kafka.common.utils.Utils;

/**
 * Which partition holds a customer's records on a topic keyed by customer: the producer's default
 * partitioner (the one ingest and Kafka Streams use) applied to the key's bytes. A topic keyed otherwise
 * whose records must meet a customer's usage in one task (co-partitioned, e.g. {@code caps.reservations})
 * writes each record to this partition explicitly.
 */
public final class CustomerPartitions {

    private CustomerPartitions() {
    }

    public static int of(CustomerId customer, int partitions) {
        if (partitions <= 0) {
            throw new IllegalArgumentException("a topic has at least one partition, got " + partitions);
        }
        return Utils.toPositive(Utils.murmur2(keyBytes(customer))) % partitions;
    }

    /** The customer as a record key, byte for byte. */
    public static byte[] keyBytes(CustomerId customer) {
        return Topics.CUSTOMER_KEY.serializer().serialize(null, customer);
    }
}
