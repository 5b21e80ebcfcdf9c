package io.microcent.caps.write;

import io.microcent.platform.axon.CommandSender;
import io.microcent.caps.automation.CustomerCapsPublisher;
import io.microcent.caps.automation.WhenCapsChangedThenPublishThem;
import io.microcent.caps.read.caps.CapRepository;
import io.microcent.caps.read.caps.CapsProjection;
import io.microcent.caps.read.history.CapHistoryEndpoint;
import io.microcent.caps.write.changecap.ChangeCapEndpoint;
import io.microcent.caps.write.changecap.ChangeCapHandler;
import io.microcent.caps.write.createcap.CreateCapEndpoint;
import io.microcent.caps.write.createcap.CreateCapHandler;
import io.microcent.caps.write.deletecap.DeleteCapEndpoint;
import io.microcent.caps.write.deletecap.DeleteCapHandler;
import io.microcent.model.caps.CustomerCaps;
import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import io.microcent.platform.axon.JdbcAxon;
import io.microcent.platform.axon.JdbcTransactions;
import io.microcent.platform.customers.CustomerDirectory;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.kafka.KafkaConfigs;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.service.StartedResources;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;

import java.util.List;

/**
 * Caps as data inside the caps service: the cap aggregate on Axon's JDBC event store in schema {@code caps},
 * its read model, its publication on {@code caps.definitions}, and the operator routes that change caps
 * and read their history. A cap may only be created for a customer in {@code customers}. Expects the schema migrated.
 */
public final class CapDefinitionsComponent implements AutoCloseable {

    private final StartedResources started;
    private final CapRepository caps;
    private final HttpRoutes routes;

    private CapDefinitionsComponent(StartedResources started, CapRepository caps, HttpRoutes routes) {
        this.started = started;
        this.caps = caps;
        this.routes = routes;
    }

    public static CapDefinitionsComponent start(ServiceContext context, String schema, CustomerDirectory customers) {
        StartedResources started = new StartedResources();
        try {
            JdbcTransactions transactions = new JdbcTransactions(context.database().dataSource());
            CapRepository caps = new CapRepository(transactions.dsl());
            Producer<CustomerId, CustomerCaps> definitions = new KafkaProducer<>(
                    KafkaConfigs.durableProducer(context.kafkaBootstrap(), context.instanceId() + "-cap-definitions"),
                    Topics.CAPS_DEFINITIONS.keySerde().serializer(), Topics.CAPS_DEFINITIONS.valueSerde().serializer());
            started.push(definitions);
            Configuration axon = capAggregate(JdbcAxon.configurer(schema, transactions), transactions, caps, definitions).start();
            started.push(axon::shutdown);

            var auth = context.operatorAuth();
            var clock = context.clock();
            CommandSender commands = new CommandSender(axon.commandGateway());
            List<HttpRoutes> routes = List.of(
                    new CreateCapEndpoint(auth, commands, caps, customers, clock),
                    new ChangeCapEndpoint(auth, commands, caps, clock),
                    new DeleteCapEndpoint(auth, commands, clock),
                    new CapHistoryEndpoint(auth, axon.eventStore()));
            return new CapDefinitionsComponent(started, caps, config -> routes.forEach(r -> r.register(config)));
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

    /** The caps read model. */
    public CapRepository caps() {
        return caps;
    }

    public HttpRoutes routes() {
        return routes;
    }

    @Override
    public void close() {
        started.close();
    }
}
