package io.microcent.caps.authorize;

import io.microcent.caps.CapsSettings;
import io.microcent.caps.spend.SpendComponent;
import io.microcent.model.caps.Reservation;
import io.microcent.model.topic.Topics;
import io.microcent.platform.customers.CustomerDirectory;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.kafka.KafkaConfigs;
import io.microcent.platform.kafka.TopicAdmin;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.service.StartedResources;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /v1/authorize} inside the caps service: the decision over the spend component's stores, the
 * working copy of reservations (given, because the topology settles and restores it), the log that makes
 * them durable on {@code caps.reservations}, and the purge of expired ones.
 */
public final class AuthorizeComponent implements AutoCloseable {

    private final StartedResources started;
    private final Authorizer authorizer;
    private final HttpRoutes routes;

    private AuthorizeComponent(StartedResources started, Authorizer authorizer, HttpRoutes routes) {
        this.started = started;
        this.authorizer = authorizer;
        this.routes = routes;
    }

    public static AuthorizeComponent start(ServiceContext context, CapsSettings settings, IngestKeyVerifier ingestKeys,
                                           CustomerDirectory customers, ReservationBook reservations, CustomerLocks locks,
                                           SpendComponent spend) {
        StartedResources started = new StartedResources();
        try {
            Map<String, Object> config = KafkaConfigs.durableProducer(context.kafkaBootstrap(), context.instanceId() + "-reservations");
            // nobody waits for these records, so they may gather for a millisecond into fewer, larger produce
            // requests (the broker's and the topology's cost is per request and batch); longer would widen the time
            // an answered reservation is not yet durable. Never block a decision long on metadata or a full buffer.
            config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) KafkaReservationLog.MAX_UNACKNOWLEDGED.toMillis());
            Producer<String, Reservation> producer = new KafkaProducer<>(config,
                    Topics.CAPS_RESERVATIONS.keySerde().serializer(), Topics.CAPS_RESERVATIONS.valueSerde().serializer());
            started.push(producer);
            started.push(purgeExpired(reservations, context));
            CapsReads stores = new CapsReads(new StreamsStoreBytes(spend::store,
                    TopicAdmin.partitions(context.kafkaBootstrap(), Topics.USAGE_RATED.name())));
            WorstCaseEstimator estimator = new WorstCaseEstimator(
                    new CallCost(stores::priceBook, settings.defaultPricePerToken()), settings.plans());
            Authorizer authorizer = new Authorizer(stores, reservations, new KafkaReservationLog(producer), locks,
                    estimator, settings.reservationTtl());
            HttpRoutes routes = new AuthorizeEndpoint(new AuthorizeAccess(ingestKeys, context.operatorAuth()), authorizer,
                    customers, spend.routing(), context.clock());
            return new AuthorizeComponent(started, authorizer, routes);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    /** Expired reservations no longer count; this also frees their memory. */
    private static AutoCloseable purgeExpired(ReservationBook reservations, ServiceContext context) {
        ScheduledExecutorService purge = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "caps-reservations-purge");
            thread.setDaemon(true);
            return thread;
        });
        purge.scheduleWithFixedDelay(() -> reservations.purgeExpired(context.clock().instant()), 1, 1, TimeUnit.MINUTES);
        return purge::shutdownNow;
    }

    /** The decision, also for where a cap stands ({@code GET /v1/caps/{id}}). */
    public Authorizer authorizer() {
        return authorizer;
    }

    public HttpRoutes routes() {
        return routes;
    }

    @Override
    public void close() {
        started.close();
    }
}
