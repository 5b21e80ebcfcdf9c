package io.microcent.rating;

import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.kafka.StreamsRunner;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import io.microcent.rating.dedup.RatedEventIds;
import io.microcent.rating.pricebook.PriceBookComponent;
import io.microcent.rating.stream.RatingRules;
import io.microcent.rating.stream.RatingTopology;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

import java.time.Duration;

/** The running rating topology and the price book it reads (with the price book's operator API). */
public final class RatingService implements Service {

    private final StreamsRunner streams;
    private final PriceBookComponent priceBook;

    private RatingService(StreamsRunner streams, PriceBookComponent priceBook) {
        this.streams = streams;
        this.priceBook = priceBook;
    }

    public static RatingService start(ServiceContext context, RatingRules rules, int streamThreads) {
        return start(context, rules, streamThreads, RatedEventIds.DEFAULT_RETENTION);
    }

    /** @param dedupRetention how long rated event ids are remembered to drop repeats */
    public static RatingService start(ServiceContext context, RatingRules rules, int streamThreads, Duration dedupRetention) {
        context.database().migrate("rating");
        // the price book is republished before the topology starts, so its global table starts complete
        PriceBookComponent priceBook = PriceBookComponent.start(context);
        var topology = RatingTopology.build(new StreamsBuilder(), rules, dedupRetention);
        var config = RatingTopology.streamsConfig(context.kafkaBootstrap(), context.stateDirFor(RatingModule.NAME), streamThreads);
        config.put(StreamsConfig.CLIENT_ID_CONFIG, context.instanceId());
        return new RatingService(StreamsRunner.start(RatingModule.NAME, topology, config, context.meters()), priceBook);
    }

    @Override
    public String name() {
        return RatingModule.NAME;
    }

    @Override
    public HttpRoutes routes() {
        return priceBook.routes();
    }

    @Override
    public boolean isReady() {
        return streams.isRunning() && priceBook.isReady();
    }

    /** The running Kafka Streams client, for interactive queries of the topology's stores. */
    public KafkaStreams streams() {
        return streams.streams();
    }

    @Override
    public void close() {
        streams.close();
        priceBook.close();
    }
}
