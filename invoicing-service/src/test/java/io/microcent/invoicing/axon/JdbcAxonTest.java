package io.microcent.platform.axon;

import io.microcent.invoicing.InvoicingService;
import io.microcent.invoicing.generate.BillingInterval;
import io.microcent.invoicing.read.customers.CustomersProjection;
import io.microcent.invoicing.write.Customer;
import io.microcent.invoicing.write.changeplan.ChangePlanHandler;
import io.microcent.invoicing.write.registercustomer.CustomerRegistered;
import io.microcent.invoicing.write.registercustomer.RegisterCustomer;
import io.microcent.invoicing.write.registercustomer.RegisterCustomerHandler;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.usage.LateUsagePolicy;
import io.microcent.platform.db.Database;
import io.microcent.platform.test.TestInfrastructure;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import static io.microcent.invoicing.db.Tables.CUSTOMERS;
import static io.microcent.invoicing.db.Tables.DOMAIN_EVENT_ENTRY;
import static io.microcent.invoicing.db.Tables.TOKEN_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The Axon setup itself, on the real PostgreSQL: what commits together, what rolls back, where tokens go. */
class JdbcAxonTest {

    private static Database database;
    private final PlanCatalog plans = PlanCatalog.defaults();
    private Configuration axon;

    @BeforeAll
    static void migrate() {
        database = TestInfrastructure.get().database();
        database.migrate(InvoicingService.SCHEMA);
    }

    @AfterEach
    void shutdown() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    /** Axon with the customer aggregate and its read model, plus whatever the test adds. */
    private Configuration start(UnaryOperator<Configurer> extra) {
        JdbcTransactions transactions = new JdbcTransactions(database.dataSource());
        Configurer configurer = JdbcAxon.configurer(InvoicingService.SCHEMA, transactions)
                .configureAggregate(Customer.class)
                .registerComponent(RegisterCustomerHandler.class, c -> new RegisterCustomerHandler(plans, LateUsagePolicy.DEFAULT))
                .registerComponent(ChangePlanHandler.class, c -> new ChangePlanHandler(plans))
                .eventProcessing(processing -> processing
                        .registerSubscribingEventProcessor(CustomersProjection.PROCESSING_GROUP)
                        .registerEventHandler(c -> new CustomersProjection(transactions.dsl())));
        axon = extra.apply(configurer).start();
        return axon;
    }

    private static RegisterCustomer register(CustomerId customer) {
        Instant at = Instant.parse("2026-11-03T09:15:00Z");
        return new RegisterCustomer(customer, "Acme Inc", PlanId.of("starter"), null, BillingInterval.MONTH, at, at);
    }

    private static CustomerId newCustomer() {
        return CustomerId.of("acme-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static List<String> storedEventTypes(CustomerId customer) {
        return database.dsl().select(DOMAIN_EVENT_ENTRY.PAYLOAD_TYPE).from(DOMAIN_EVENT_ENTRY)
                .where(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(customer.raw()))
                .orderBy(DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER)
                .fetch(DOMAIN_EVENT_ENTRY.PAYLOAD_TYPE);
    }

    private static boolean inReadModel(CustomerId customer) {
        return database.dsl().fetchExists(CUSTOMERS, CUSTOMERS.ID.eq(customer.raw()));
    }

    @Test
    void a_command_stores_its_events_in_the_schema_and_its_subscribing_read_model_with_them() {
        CustomerId customer = newCustomer();
        start(c -> c).commandGateway().sendAndWait(register(customer));

        assertThat(storedEventTypes(customer)).containsExactly(CustomerRegistered.class.getName());
        assertThat(inReadModel(customer)).isTrue();
    }

    @ProcessingGroup("failing")
    static final class FailingHandler {
        @EventHandler
        void on(CustomerRegistered event) {
            throw new IllegalStateException("downstream is down");
        }
    }

    @Test
    void a_failing_subscribing_handler_rolls_back_the_events_and_the_read_model() {
        CustomerId customer = newCustomer();
        Configuration config = start(c -> c.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor("failing")
                .registerEventHandler(x -> new FailingHandler())));

        assertThatThrownBy(() -> config.commandGateway().sendAndWait(register(customer)))
                .hasMessageContaining("downstream is down");
        assertThat(storedEventTypes(customer)).isEmpty();
        assertThat(inReadModel(customer)).isFalse();
    }

    @ProcessingGroup("tracking-test")
    static final class RecordingHandler {
        final Set<CustomerId> seen = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(CustomerRegistered event) {
            seen.add(event.customer());
        }
    }

    @Test
    void a_tracking_processor_reads_the_event_store_and_keeps_its_token_in_the_schema() {
        CustomerId customer = newCustomer();
        String processor = "tracking-test-" + UUID.randomUUID().toString().substring(0, 8);
        RecordingHandler handler = new RecordingHandler();
        Configuration config = start(c -> c.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(processor)
                .assignHandlerInstancesMatching(processor, RecordingHandler.class::isInstance)
                .registerEventHandler(x -> handler)));

        config.commandGateway().sendAndWait(register(customer));

        await().atMost(Duration.ofSeconds(30)).until(() -> handler.seen.contains(customer));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(database.dsl().selectFrom(TOKEN_ENTRY)
                .where(TOKEN_ENTRY.PROCESSOR_NAME.eq(processor)).fetch())
                .singleElement()
                .satisfies(token -> {
                    assertThat(token.getOwner()).isNotBlank();
                    assertThat(token.getToken()).isNotEmpty();
                }));
    }

    @Test
    void a_second_append_at_the_same_aggregate_sequence_is_refused_as_a_conflict() {
        CustomerId customer = newCustomer();
        EventStore events = start(c -> c).eventStore();
        CustomerRegistered registered = new CustomerRegistered(customer, "Acme Inc", PlanId.of("starter"), Instant.now(), null, null, null);
        events.publish(new GenericDomainEventMessage<>(Customer.class.getSimpleName(), customer.raw(), 0, registered));

        assertThatThrownBy(() -> events.publish(
                new GenericDomainEventMessage<>(Customer.class.getSimpleName(), customer.raw(), 0, registered)))
                .isInstanceOfAny(AggregateStreamCreationException.class, ConcurrencyException.class);
        assertThat(storedEventTypes(customer)).hasSize(1);
    }
}
