package io.microcent.caps;

import io.microcent.caps.api.SpendRoutes;
import io.microcent.caps.authorize.AuthorizeAccess;
import io.microcent.caps.authorize.AuthorizeEndpoint;
import io.microcent.caps.authorize.Authorizer;
import io.microcent.caps.authorize.CapsStores;
import io.microcent.caps.authorize.CustomerLocks;
import io.microcent.caps.authorize.IngestKeyVerifier;
import io.microcent.caps.authorize.PriceBookPrices;
import io.microcent.caps.authorize.ReservationBook;
import io.microcent.caps.authorize.WorstCaseEstimator;
import io.microcent.caps.automation.CustomerCapsPublisher;
import io.microcent.caps.automation.WhenCapsChangedThenPublishThem;
import io.microcent.caps.read.caps.CapRepository;
import io.microcent.caps.read.caps.CapsEndpoint;
import io.microcent.caps.read.caps.CapsProjection;
import io.microcent.caps.read.history.CapHistoryEndpoint;
import io.microcent.caps.routing.OwnerRouting;
import io.microcent.caps.routing.StreamsOwnership;
import io.microcent.caps.spend.ScopeSpend;
import io.microcent.caps.spend.SpendQuery;
import io.microcent.caps.spend.SpendTopology;
import io.microcent.caps.webhooks.AlertWebhooks;
import io.microcent.caps.webhooks.WebhookSettings;
import io.microcent.caps.write.Cap;
import io.microcent.caps.write.changecap.ChangeCapEndpoint;
import io.microcent.caps.write.changecap.ChangeCapHandler;
import io.microcent.caps.write.createcap.CreateCapEndpoint;
import io.microcent.caps.write.createcap.CreateCapHandler;
import io.microcent.caps.write.deletecap.DeleteCapEndpoint;
import io.microcent.caps.write.deletecap.DeleteCapHandler;
import io.microcent.model.caps.CustomerCaps;
import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import io.microcent.platform.axon.CommandSender;
import io.microcent.platform.axon.JdbcAxon;
import io.microcent.platform.axon.JdbcTransactions;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.kafka.KafkaConfigs;
import io.microcent.platform.kafka.StreamsRunner;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.service.StartedResources;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The running caps service: the cap aggregate on Axon's event store in schema {@value #SCHEMA} with its
 * read model and its publication on {@code caps.definitions}; the caps topology (spend, states, alerts);
 * {@code /v1/authorize} with its reservations; alert webhooks; and the operator API over them.
 */
public final class CapsService implements Service {

    public static final String SCHEMA = "caps";

    private static final Logger log = LoggerFactory.getLogger(CapsService.class);

    /** Everything started, closed last-started-first. */
    private final StartedResources started;
    private final StreamsRunner streams;
    private final AlertWebhooks webhooks;
    private final List<HttpRoutes> routes;
    private volatile boolean open = true;

    private CapsService(StartedResources started, StreamsRunner streams, AlertWebhooks webhooks, List<HttpRoutes> routes) {
        this.started = started;
        this.streams = streams;
        this.webhooks = webhooks;
        this.routes = routes;
    }

    public static CapsService start(ServiceContext context, int streamThreads, WebhookSettings webhookSettings,
                                    CapsSettings settings, IngestKeyVerifier ingestKeys) {
        StartedResources started = new StartedResources();
        try {
            context.database().migrate(SCHEMA);
            JdbcTransactions transactions = new JdbcTransactions(context.database().dataSource());
            CapRepository caps = new CapRepository(transactions.dsl());

            Producer<CustomerId, CustomerCaps> definitions = new KafkaProducer<>(
                    KafkaConfigs.durableProducer(context.kafkaBootstrap(), context.instanceId() + "-cap-definitions"),
                    Topics.CAPS_DEFINITIONS.keySerde().serializer(), Topics.CAPS_DEFINITIONS.valueSerde().serializer());
            started.push(definitions);
            Configuration axon = capAggregate(JdbcAxon.configurer(SCHEMA, transactions), transactions, caps, definitions).start();
            started.push(axon::shutdown);

            CustomerLocks locks = new CustomerLocks();
            ReservationBook reservations = new ReservationBook(locks);
            StreamsRunner streams = StreamsRunner.start(CapsModule.NAME, SpendTopology.build(new StreamsBuilder(), reservations),
                    streamsConfig(context, streamThreads, settings), context.meters());
            started.push(streams);
            started.push(purgeExpiredReservations(reservations, context));

            Authorizer authorizer = new Authorizer(stores(streams), reservations, locks,
                    new WorstCaseEstimator(new PriceBookPrices(() -> store(streams.streams(), SpendTopology.PRICE_BOOK_STORE)),
                            settings.defaultPricePerToken(), settings.pricePerRequest()),
                    settings.reservationTtl());
            OwnerRouting routing = settings.advertisedUrl()
                    .map(url -> new OwnerRouting(new StreamsOwnership(streams::streams, hostOf(url), url.getScheme()), url.toString()))
                    .orElseGet(OwnerRouting::singleInstance);

            AlertWebhooks webhooks = AlertWebhooks.start(context, webhookSettings);
            started.push(webhooks);

            var auth = context.operatorAuth();
            var clock = context.clock();
            CommandSender commands = new CommandSender(axon.commandGateway());
            SpendQuery spend = new SpendQuery(() -> store(streams.streams(), SpendTopology.SPEND_STORE));
            List<HttpRoutes> routes = List.of(
                    new CreateCapEndpoint(auth, commands, caps, clock),
                    new ChangeCapEndpoint(auth, commands, caps, clock),
                    new DeleteCapEndpoint(auth, commands, clock),
                    new CapsEndpoint(auth, caps, authorizer, routing, clock),
                    new CapHistoryEndpoint(auth, axon.eventStore()),
                    new AuthorizeEndpoint(new AuthorizeAccess(ingestKeys, auth), authorizer, routing, clock),
                    new SpendRoutes(spend, auth, routing),
                    webhooks.routes());
            log.info("caps started: event store in schema {}, {}", SCHEMA,
                    settings.advertisedUrl().map(url -> "advertised as " + url).orElse("single instance"));
            return new CapsService(started, streams, webhooks, routes);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    /**
     * The cap aggregate, its decisions, and what reacts to its events within the deciding command: the
     * read model first, then the publication that reads it (same processing group, registration order).
     */
    private static Configurer capAggregate(Configurer axon, JdbcTransactions transactions, CapRepository caps,
                                           Producer<CustomerId, CustomerCaps> definitions) {
        CustomerCapsPublisher publisher = new CustomerCapsPublisher(transactions.dsl(), caps, definitions);
        return axon
                .configureAggregate(Cap.class)
                // the aggregate's command handlers receive their slice's decision as a parameter
                .registerComponent(CreateCapHandler.class, config -> new CreateCapHandler())
                .registerComponent(ChangeCapHandler.class, config -> new ChangeCapHandler())
                .registerComponent(DeleteCapHandler.class, config -> new DeleteCapHandler())
                .eventProcessing(processing -> processing
                        .registerSubscribingEventProcessor(CapsProjection.PROCESSING_GROUP)
                        .registerEventHandler(config -> new CapsProjection(transactions.dsl()))
                        .registerEventHandler(config -> new WhenCapsChangedThenPublishThem(publisher)));
    }

    private static Map<String, Object> streamsConfig(ServiceContext context, int threads, CapsSettings settings) {
        Map<String, Object> config = SpendTopology.streamsConfig(context.kafkaBootstrap(), context.stateDirFor(CapsModule.NAME), threads);
        config.put(StreamsConfig.CLIENT_ID_CONFIG, context.instanceId());
        settings.advertisedUrl().ifPresent(url -> config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, url.getHost() + ":" + url.getPort()));
        return config;
    }

    private static HostInfo hostOf(URI url) {
        return new HostInfo(url.getHost(), url.getPort());
    }

    private static CapsStores stores(StreamsRunner streams) {
        return new CapsStores() {
            @Override
            public ReadOnlyKeyValueStore<CustomerId, CustomerCaps> definitions() {
                return store(streams.streams(), SpendTopology.DEFINITIONS_STORE);
            }

            @Override
            public ReadOnlyKeyValueStore<String, ScopeSpend> spend() {
                return store(streams.streams(), SpendTopology.SCOPE_SPEND_STORE);
            }
        };
    }

    /** A store of this instance's active tasks (throws while rebalancing or restoring). */
    private static <K, V> ReadOnlyKeyValueStore<K, V> store(KafkaStreams streams, String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()));
    }

    /** Expired reservations no longer count; this also frees their memory. */
    private static AutoCloseable purgeExpiredReservations(ReservationBook reservations, ServiceContext context) {
        ScheduledExecutorService purge = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "caps-reservations-purge");
            thread.setDaemon(true);
            return thread;
        });
        purge.scheduleWithFixedDelay(() -> reservations.purgeExpired(context.clock().instant()), 1, 1, TimeUnit.MINUTES);
        return purge::shutdownNow;
    }

    @Override
    public String name() {
        return CapsModule.NAME;
    }

    @Override
    public HttpRoutes routes() {
        return HttpRoutes.documented("openapi/caps.json", config -> routes.forEach(r -> r.register(config)));
    }

    @Override
    public boolean isReady() {
        return open && streams.isRunning() && webhooks.isReady();
    }

    @Override
    public void close() {
        open = false;
        started.close();
    }

}
