package io.microcent.caps;

import io.microcent.caps.api.SpendRoutes;
import io.microcent.caps.spend.SpendQuery;
import io.microcent.caps.spend.SpendTopology;
import io.microcent.model.caps.SpendState;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.kafka.StreamsRunner;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/** The running spend topology and the HTTP API answering from its state store. */
public final class CapsService implements Service {

    private final StreamsRunner streams;
    private final SpendRoutes routes;

    private CapsService(StreamsRunner streams, SpendRoutes routes) {
        this.streams = streams;
        this.routes = routes;
    }

    public static CapsService start(ServiceContext context, int streamThreads) {
        var topology = SpendTopology.build(new StreamsBuilder());
        var config = SpendTopology.streamsConfig(context.kafkaBootstrap(), context.stateDirFor(CapsModule.NAME), streamThreads);
        config.put(StreamsConfig.CLIENT_ID_CONFIG, context.instanceId());
        StreamsRunner streams = StreamsRunner.start(CapsModule.NAME, topology, config, context.meters());
        SpendQuery query = new SpendQuery(() -> streams.streams().store(StoreQueryParameters.fromNameAndType(
                SpendTopology.SPEND_STORE, QueryableStoreTypes.<String, SpendState>keyValueStore())));
        return new CapsService(streams, new SpendRoutes(query, context.operatorAuth()));
    }

    @Override
    public String name() {
        return CapsModule.NAME;
    }

    @Override
    public HttpRoutes routes() {
        return routes;
    }

    @Override
    public boolean isReady() {
        return streams.isRunning();
    }

    @Override
    public void close() {
        streams.close();
    }
}
