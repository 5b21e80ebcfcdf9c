package io.microcent.caps.spend;

import io.microcent.caps.CapsModule;
import io.microcent.caps.CapsSettings;
import io.microcent.caps.api.SpendRoutes;
import io.microcent.caps.authorize.CapsStores;
import io.microcent.caps.routing.OwnerRouting;
import io.microcent.caps.routing.StreamsOwnership;
import io.microcent.model.caps.CustomerCaps;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ModelId;
import io.microcent.model.price.ModelPriceHistory;
import io.microcent.model.price.PriceHistories;
import io.microcent.model.topic.CustomerPartitions;
import io.microcent.model.topic.Topics;
import io.microcent.platform.kafka.TopicAdmin;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.kafka.StreamsRunner;
import io.microcent.platform.service.ServiceContext;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.Map;
import java.util.Optional;

/**
 * The caps topology inside the caps service, running: spend, cap states and alerts, the durable copy of
 * reservations; its stores as decisions read them; which instance owns a customer; and
 * {@code GET /v1/customers/{id}/spend}.
 */
public final class SpendComponent implements AutoCloseable {

    private final StreamsRunner streams;
    private final OwnerRouting routing;
    private final HttpRoutes routes;
    /** Of {@code usage.rated}, whose partitions are the topology's tasks. */
    private final int partitions;

    private SpendComponent(StreamsRunner streams, OwnerRouting routing, HttpRoutes routes, int partitions) {
        this.streams = streams;
        this.routing = routing;
        this.routes = routes;
        this.partitions = partitions;
    }

    /** @param reservations authorization's working copy of reservations, which the topology settles and restores */
    public static SpendComponent start(ServiceContext context, int threads, CapsSettings settings, Reservations reservations) {
        int partitions = TopicAdmin.partitions(context.kafkaBootstrap(), Topics.USAGE_RATED.name());
        Map<String, Object> config = SpendTopology.streamsConfig(context.kafkaBootstrap(), context.stateDirFor(CapsModule.NAME), threads);
        config.put(StreamsConfig.CLIENT_ID_CONFIG, context.instanceId());
        context.replication().applyTo(config);
        settings.advertisedUrl().ifPresent(url -> config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, url.getHost() + ":" + url.getPort()));
        StreamsRunner streams = StreamsRunner.start(CapsModule.NAME, SpendTopology.build(new StreamsBuilder(), reservations, context.clock()),
                config, context.meters());
        OwnerRouting routing = settings.advertisedUrl()
                .map(url -> new OwnerRouting(new StreamsOwnership(streams::streams, new HostInfo(url.getHost(), url.getPort()),
                        url.getScheme()), url.toString()))
                .orElseGet(OwnerRouting::singleInstance);
        SpendQuery spend = new SpendQuery(customer -> customerStore(streams.streams(), SpendTopology.SPEND_STORE, customer, partitions));
        return new SpendComponent(streams, routing, new SpendRoutes(spend, context.operatorAuth(), routing, context.clock()), partitions);
    }

    /** The stores decisions read, fetched per use, each of the customer's partition only. */
    public CapsStores stores() {
        return new CapsStores() {
            @Override
            public ReadOnlyKeyValueStore<CustomerId, CustomerCaps> definitions(CustomerId customer) {
                return customerStore(streams.streams(), SpendTopology.DEFINITIONS_STORE, customer, partitions);
            }

            @Override
            public ReadOnlyKeyValueStore<String, ScopeSpend> spend(CustomerId customer) {
                return customerStore(streams.streams(), SpendTopology.SCOPE_SPEND_STORE, customer, partitions);
            }

            @Override
            public ReadOnlyKeyValueStore<String, PeriodMeters> meters(CustomerId customer) {
                return customerStore(streams.streams(), SpendTopology.METERS_STORE, customer, partitions);
            }
        };
    }

    /** The whole price book, as every instance holds it (global store). */
    public PriceHistories priceBook() {
        ReadOnlyKeyValueStore<ModelId, ModelPriceHistory> book = store(streams.streams(), SpendTopology.PRICE_BOOK_STORE);
        return key -> Optional.ofNullable(book.get(key));
    }

    /**
     * A store of this instance as {@code query} asks for it (one partition's or a global one, typed or not); throws
     * {@link InvalidStateStoreException} when it cannot be read here now, as {@link #stores()} does.
     */
    public <T> T store(StoreQueryParameters<T> query) {
        try {
            return streams.streams().store(query);
        } catch (IllegalStateException e) {
            throw new InvalidStateStoreException("store " + query.storeName() + " is not available: " + e.getMessage(), e);
        }
    }

    public OwnerRouting routing() {
        return routing;
    }

    public HttpRoutes routes() {
        return routes;
    }

    public boolean isRunning() {
        return streams.isRunning();
    }

    /**
     * The store of the task holding {@code customer}'s partition (the customer partitions {@code usage.rated}),
     * while that task runs on this instance; otherwise {@link InvalidStateStoreException}, also between the
     * group naming this instance the partition's owner and the task running here (see {@link CapsStores}).
     */
    private static <K, V> ReadOnlyKeyValueStore<K, V> customerStore(KafkaStreams streams, String name, CustomerId customer,
                                                                  int partitions) {
        // as the partitioner placed the customer's records; also with one instance, whose tasks may still restore
        // while others already run
        int partition = CustomerPartitions.of(customer, partitions);
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore())
                    .withPartition(partition));
        } catch (IllegalStateException e) {
            throw new InvalidStateStoreException("store " + name + " is not available: " + e.getMessage(), e);
        }
    }

    /**
     * A store of this instance's active tasks (or a global one). Throws {@link InvalidStateStoreException} while rebalancing or
     * restoring, and also when the streams are not running (yet, or any more), which Kafka Streams reports as
     * an {@link IllegalStateException}: for a caller both mean "not now".
     */
    private static <K, V> ReadOnlyKeyValueStore<K, V> store(KafkaStreams streams, String name) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()));
        } catch (IllegalStateException e) {
            throw new InvalidStateStoreException("store " + name + " is not available: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        streams.close();
    }
}
