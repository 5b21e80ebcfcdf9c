package io.microcent.model.topic;

import io.microcent.model.id.CustomerId;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerPartitionsTest {

    @Test
    void aCustomersPartitionIsTheOneTheProducersDefaultPartitionerPicksForItsKey() {
        for (int partitions : new int[]{1, 4, 7, 12}) {
            IntStream.range(0, 200).mapToObj(i -> CustomerId.of("customer-" + i)).forEach(customer ->
                    assertThat(CustomerPartitions.of(customer, partitions)).as(customer + " of " + partitions)
                            .isEqualTo(BuiltInPartitioner.partitionForKey(CustomerPartitions.keyBytes(customer), partitions)));
        }
    }
}
