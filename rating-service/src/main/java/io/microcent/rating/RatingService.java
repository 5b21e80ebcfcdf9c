package io.microcent.rating;

import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.kafka.StreamsRunner;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import io.microcent.rating.stream.RatingRules;
import io.microcent.rating.stream.RatingTopology;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

/** The running rating topology. It has no HTTP API of its own yet; health and metrics come with the server. */
public final class RatingService implements Service {

    private final StreamsRunner streams;

    private RatingService(StreamsRunner streams) {
        this.streams = streams;
    }

    public static RatingService start(ServiceContext context, RatingRules rules, int streamThreads) {
        var topology = RatingTopology.build(new StreamsBuilder(), rules);
        var config = RatingTopology.streamsConfig(context.kafkaBootstrap(), context.stateDirFor(RatingModule.NAME), streamThreads);
        config.put(StreamsConfig.CLIENT_ID_CONFIG, context.instanceId());
        return new RatingService(StreamsRunner.start(RatingModule.NAME, topology, config, context.meters()));
    }

    @Override
    public String name() {
        return RatingModule.NAME;
    }

    @Override
    public HttpRoutes routes() {
        return routes -> {
        };
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
