package io.microcent.caps.routing;

import io.microcent.caps.spend.SpendTopology;
import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Ownership as Kafka Streams knows it: {@link KafkaStreams#queryMetadataForKey} with the customer (the key
 * that partitions {@code usage.rated}, not a store key) finds the active host of its partition among the
 * instances' {@code application.server} addresses.
 */
public final class StreamsOwnership implements CustomerOwnership {

    private final Supplier<KafkaStreams> streams;
    private final HostInfo self;
    private final String scheme;

    /**
     * @param self   this instance's {@code application.server}
     * @param scheme how instances call each other ({@code http} or {@code https}), the same for all of them
     */
    public StreamsOwnership(Supplier<KafkaStreams> streams, HostInfo self, String scheme) {
        this.streams = streams;
        this.self = self;
        this.scheme = scheme;
    }

    @Override
    public Optional<URI> remoteOwnerOf(CustomerId customer) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.get().queryMetadataForKey(SpendTopology.SPEND_STORE, customer, Topics.CUSTOMER_KEY.serializer());
        } catch (IllegalStateException | InvalidStateStoreException e) { // the streams are not running (yet, or any more)
            throw new OwnerUnknown(customer);
        }
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE) || metadata.activeHost().port() < 0) {
            throw new OwnerUnknown(customer);
        }
        HostInfo owner = metadata.activeHost();
        if (owner.equals(self)) {
            return Optional.empty();
        }
        return Optional.of(URI.create(scheme + "://" + owner.host() + ":" + owner.port()));
    }
}
