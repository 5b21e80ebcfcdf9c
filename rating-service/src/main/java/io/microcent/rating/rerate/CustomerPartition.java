package io.microcent.rating.rerate;

import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import org.apache.kafka.common.utils.Utils;

/**
 * Which partition holds a customer's records on a topic keyed by customer: the producer's default
 * partitioner (the one ingest and Kafka Streams use) applied to the key's bytes.
 */
final class CustomerPartition {

    private CustomerPartition() {
    }

    static int of(CustomerId customer, int partitions) {
        if (partitions <= 0) {
            throw new IllegalArgumentException("a topic has at least one partition, got " + partitions);
        }
        return Utils.toPositive(Utils.murmur2(keyBytes(customer))) % partitions;
    }

    /** The customer as a record key, byte for byte. */
    static byte[] keyBytes(CustomerId customer) {
        return Topics.CUSTOMER_KEY.serializer().serialize(null, customer);
    }
}
