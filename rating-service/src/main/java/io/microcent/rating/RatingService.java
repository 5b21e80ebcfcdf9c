package io.microcent.rating;

import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.kafka.StreamsRunner;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import io.microcent.rating.analytics.AnalyticsApi;
import io.microcent.rating.deadletters.DeadLetters;
import io.microcent.rating.dedup.RatedEventIds;
import io.microcent.rating.pricebook.PriceBookComponent;
import io.microcent.rating.rerate.RerateComponent;
import io.microcent.rating.rerate.RerateSettings;
import io.microcent.rating.rollups.HourlyRollups;
import io.microcent.rating.stream.RatingRules;
import io.microcent.rating.stream.RatingTopology;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

import java.time.Duration;

/**
 * The running rating topology and the price book it reads (with the price book's operator API), and the hourly
 * rollups of what it rated (with the analytics API over them), and the dead letters of every consumer (listed and
 * replayed through rating).
 */
public final class RatingService implements Service {

    private final StreamsRunner streams;
    private final PriceBookComponent priceBook;
    private final HourlyRollups rollups;
    private final HttpRoutes analytics;
    private final RerateComponent rerate;
    private final DeadLetters deadLetters;

    private RatingService(StreamsRunner streams, PriceBookComponent priceBook, HourlyRollups rollups, HttpRoutes analytics,
                          RerateComponent rerate, DeadLetters deadLetters) {
        this.streams = streams;
        this.priceBook = priceBook;
        this.rollups = rollups;
        this.analytics = analytics;
        this.rerate = rerate;
        this.deadLetters = deadLetters;
    }

    public static RatingService start(ServiceContext context, RatingRules rules, int streamThreads) {
        return start(context, rules, streamThreads, RatedEventIds.DEFAULT_RETENTION);
    }

    /** @param dedupRetention how long rated event ids are remembered to drop repeats */
    public static RatingService start(ServiceContext context, RatingRules rules, int streamThreads, Duration dedupRetention) {
        return start(context, rules, streamThreads, dedupRetention, RerateSettings.DEFAULT);
    }

    /** @param rerate how re-rating jobs run on this instance */
    public static RatingService start(ServiceContext context, RatingRules rules, int streamThreads, Duration dedupRetention,
                                      RerateSettings rerate) {
        context.database().migrate("rating");
        // the price book is republished before the topology starts, so its global table starts complete
        PriceBookComponent priceBook = PriceBookComponent.start(context);
        var topology = RatingTopology.build(new StreamsBuilder(), rules, dedupRetention);
        var config = RatingTopology.streamsConfig(context.kafkaBootstrap(), context.stateDirFor(RatingModule.NAME), streamThreads);
        config.put(StreamsConfig.CLIENT_ID_CONFIG, context.instanceId());
        context.replication().applyTo(config);
        StreamsRunner streams = StreamsRunner.start(RatingModule.NAME, topology, config, context.meters());
        HourlyRollups rollups = HourlyRollups.start(context);
        HttpRoutes analytics = AnalyticsApi.routes(context.operatorAuth(), context.database().dsl(), context.clock());
        DeadLetters deadLetters = DeadLetters.start(context);
        return new RatingService(streams, priceBook, rollups, analytics, RerateComponent.start(context, rules, rerate), deadLetters);
    }

    @Override
    public String name() {
        return RatingModule.NAME;
    }

    @Override
    public HttpRoutes routes() {
        return HttpRoutes.documented("openapi/rating.json", routes -> {
            priceBook.routes().register(routes);
            analytics.register(routes);
            rerate.routes().register(routes);
            deadLetters.routes().register(routes);
        });
    }

    @Override
    public boolean isReady() {
        return streams.isRunning() && priceBook.isReady() && rollups.isReady() && deadLetters.isReady();
    }

    /** The running Kafka Streams client, for interactive queries of the topology's stores. */
    public KafkaStreams streams() {
        return streams.streams();
    }

    @Override
    public void close() {
        rerate.close();
        streams.close();
        priceBook.close();
        rollups.close();
        deadLetters.close();
    }
}
