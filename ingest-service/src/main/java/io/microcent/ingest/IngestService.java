package io.microcent.ingest;

import io.microcent.platform.customers.KnownCustomers;
import io.microcent.ingest.dedup.EventDeduplicator;
import io.microcent.ingest.dedup.SeenEventsPurge;
import io.microcent.ingest.dedup.SeenEventsStore;
import io.microcent.ingest.events.EventIngestion;
import io.microcent.ingest.events.EventRoutes;
import io.microcent.ingest.events.UsageEventPublisher;
import io.microcent.ingest.events.UsageEventValidator;
import io.microcent.ingest.formats.EventFormats;
import io.microcent.ingest.keys.ApiKeyAuthenticator;
import io.microcent.ingest.keys.ApiKeyRoutes;
import io.microcent.ingest.keys.ApiKeyStore;
import io.microcent.ingest.keys.ApiKeyUsage;
import io.microcent.ingest.keys.ApiKeys;
import io.microcent.ingest.providers.ProviderUsageAdapters;
import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.UsageBatch;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.kafka.KafkaConfigs;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * A running ingest service: API keys and seen event ids in PostgreSQL (schema {@code ingest}), events
 * out to {@code usage.events}.
 */
public final class IngestService implements Service {

    public static final String SCHEMA = "ingest";

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    private static final Duration PRODUCER_CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Producer<CustomerId, UsageBatch> producer;
    private final SeenEventsPurge purge;
    private final KnownCustomers customers;
    private final ApiKeyAuthenticator apiKeys;
    private final ApiKeyUsage keyUsage;
    private final HttpRoutes routes;
    private volatile boolean closed;

    private IngestService(Producer<CustomerId, UsageBatch> producer, SeenEventsPurge purge, KnownCustomers customers,
                          ApiKeyAuthenticator apiKeys, ApiKeyUsage keyUsage, HttpRoutes routes) {
        this.producer = producer;
        this.purge = purge;
        this.customers = customers;
        this.apiKeys = apiKeys;
        this.keyUsage = keyUsage;
        this.routes = routes;
    }

    public static IngestService start(ServiceContext context, IngestSettings settings) {
        context.database().migrate(SCHEMA);
        ApiKeyStore store = new ApiKeyStore(context.database().dsl());
        ApiKeyUsage keyUsage = new ApiKeyUsage(store, context.clock()).start(ApiKeyUsage.DEFAULT_INTERVAL);
        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(store, keyUsage, settings.apiKeyCacheTtl());
        KnownCustomers customers = KnownCustomers.start(context.kafkaBootstrap(), context.instanceId() + "-customers");
        ApiKeys keys = new ApiKeys(store, authenticator, keyUsage, customers, context.clock());

        Producer<CustomerId, UsageBatch> producer = new KafkaProducer<>(
                KafkaConfigs.durableProducer(context.kafkaBootstrap(), context.instanceId() + "-usage-events"),
                Topics.USAGE_EVENT_BATCHES.keySerde().serializer(), Topics.USAGE_EVENT_BATCHES.valueSerde().serializer());
        SeenEventsStore seenEvents = new SeenEventsStore(context.database().dsl());
        EventIngestion ingestion = new EventIngestion(new UsageEventValidator(settings.lateUsage(), customers),
                new EventDeduplicator(seenEvents, context.meters()), new UsageEventPublisher(producer, context.meters()),
                context.clock());
        SeenEventsPurge purge = new SeenEventsPurge(seenEvents, settings.dedupRetention(), context.clock());
        purge.start();

        ApiKeyRoutes keyRoutes = new ApiKeyRoutes(keys, authenticator, context.operatorAuth());
        EventRoutes eventRoutes = new EventRoutes(authenticator, new EventFormats(ProviderUsageAdapters.standard()), ingestion);
        log.info("Ingest service started (API key cache TTL {}, late usage grace {}, dedup retention {})",
                settings.apiKeyCacheTtl(), settings.lateUsage().grace(), settings.dedupRetention());
        return new IngestService(producer, purge, customers, authenticator, keyUsage, routes -> {
            keyRoutes.register(routes);
            eventRoutes.register(routes);
        });
    }

    /** Finds the ingest key behind a secret: what {@code /v1/events} authenticates with. */
    public ApiKeyAuthenticator apiKeys() {
        return apiKeys;
    }

    @Override
    public String name() {
        return IngestModule.NAME;
    }

    @Override
    public HttpRoutes routes() {
        return HttpRoutes.documented("openapi/ingest.json", routes);
    }

    /** Ready once every customer published so far is known: before, events of existing customers could wait. */
    @Override
    public boolean isReady() {
        return !closed && customers.isReady();
    }

    @Override
    public void close() {
        closed = true;
        purge.close();
        keyUsage.close();
        customers.close();
        // flushes what is in flight; those requests are still waiting for their acknowledgements
        producer.close(PRODUCER_CLOSE_TIMEOUT);
    }
}
