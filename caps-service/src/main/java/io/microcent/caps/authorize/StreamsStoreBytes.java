package io.microcent.caps.authorize;

import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.CustomerPartitions;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StoreQueryParameters;

import java.util.function.Function;

/**
 * {@link StoreBytes} of the running caps streams: each read queries the store anew (a store handle is only
 * valid while the application runs), a customer's in the partition the partitioner placed its records in.
 */
final class StreamsStoreBytes implements StoreBytes {

    private final Function<StoreQueryParameters<BytesStoreType.View>, BytesStoreType.View> query;
    private final int partitions;

    /**
     * @param query      the streams' store query; throws {@link org.apache.kafka.streams.errors.InvalidStateStoreException}
     *                   when the store cannot be read here now
     * @param partitions of {@code usage.rated}, whose partitions are the topology's tasks
     */
    StreamsStoreBytes(Function<StoreQueryParameters<BytesStoreType.View>, BytesStoreType.View> query, int partitions) {
        this.query = query;
        this.partitions = partitions;
    }

    @Override
    public byte[] ofCustomer(String store, CustomerId customer, Bytes key) {
        return query.apply(StoreQueryParameters.fromNameAndType(store, BytesStoreType.INSTANCE)
                .withPartition(CustomerPartitions.of(customer, partitions))).get(key);
    }

    @Override
    public byte[] ofGlobal(String store, Bytes key) {
        return query.apply(StoreQueryParameters.fromNameAndType(store, BytesStoreType.INSTANCE)).get(key);
    }
}
