package io.microcent.caps;

import io.microcent.caps.authorize.IngestKeyVerifier;
import io.microcent.model.caps.CapState;
import io.microcent.model.caps.CustomerCaps;
import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topic;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.RatedUsage;
import io.microcent.platform.http.HttpServer;
import io.microcent.platform.kafka.KafkaConfigs;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.test.KafkaTestRecords;
import io.microcent.platform.test.TestContexts;
import io.microcent.platform.test.TestCustomers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** One caps service instance on the shared test Kafka and PostgreSQL, serving its API on a free port. */
final class RunningCaps implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);

    final ServiceContext context;
    final CapsService service;
    final HttpServer http;
    final ApiClient api;

    private RunningCaps(ServiceContext context, CapsService service, HttpServer http) {
        this.context = context;
        this.service = service;
        this.http = http;
        this.api = ApiClient.operator(http.port());
    }

    /** Starts an instance and waits until it is ready (streams running, webhooks polling). */
    static RunningCaps start(IngestKeyVerifier ingestKeys) {
        return start(ingestKeys, Map.of(), 0);
    }

    /** @param port the HTTP port, 0 for any free one */
    static RunningCaps start(IngestKeyVerifier ingestKeys, Map<String, String> env, int port) {
        return start(new CapsModule(ingestKeys), env, port);
    }

    /** Starts {@code module} configured from {@code env}, as a launcher would. */
    static RunningCaps start(CapsModule module, Map<String, String> env, int port) {
        ServiceContext context = TestContexts.forService(CapsModule.NAME, env, Clock.systemUTC());
        module.configure(context.env());
        context.env().validate();
        CapsService service = (CapsService) module.start(context);
        HttpServer http = HttpServer.start("127.0.0.1", port, List.of(service.routes()),
                Map.of(CapsModule.NAME, service::isReady), context.meters());
        await().atMost(WAIT).until(service::isReady);
        return new RunningCaps(context, service, http);
    }

    /** Publishes {@code customer} on customer.plans, as invoicing does: caps, webhooks and authorize refuse others. */
    String createCustomer(String customer) {
        return TestCustomers.create(context.kafkaBootstrap(), customer);
    }

    void produce(RatedUsage... usages) {
        try (var producer = ratedUsageProducer(context.kafkaBootstrap())) {
            for (RatedUsage usage : usages) {
                producer.send(new ProducerRecord<>(Topics.USAGE_RATED.name(), usage.event().customer(), usage));
            }
            producer.flush();
        }
    }

    /** A producer of rated usage, as rating would write it. */
    static KafkaProducer<CustomerId, RatedUsage> ratedUsageProducer(String bootstrap) {
        return new KafkaProducer<>(KafkaConfigs.durableProducer(bootstrap, "caps-test-producer-" + UUID.randomUUID()),
                Topics.USAGE_RATED.keySerde().serializer(), Topics.USAGE_RATED.valueSerde().serializer());
    }

    /** The last committed value under {@code key} on caps.state ({@code null} for none or a tombstone). */
    CapState latestState(String key) {
        return latest(Topics.CAPS_STATE, key);
    }

    /** The last committed publication of the customer's caps on caps.definitions. */
    CustomerCaps latestDefinitions(CustomerId customer) {
        return latest(Topics.CAPS_DEFINITIONS, customer.raw());
    }

    private <V> V latest(Topic<?, V> topic, String key) {
        return KafkaTestRecords.readAll(context.kafkaBootstrap(), topic.name(), true).stream()
                .filter(r -> key.equals(r.key()))
                .map(r -> r.value() == null ? null
                        : topic.valueSerde().deserializer().deserialize(topic.name(), r.value().getBytes(StandardCharsets.UTF_8)))
                .reduce((first, second) -> second)
                .orElse(null);
    }

    @Override
    public void close() {
        http.close();
        service.close();
    }
}
