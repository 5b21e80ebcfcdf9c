package io.microcent.invoicing;

import io.microcent.invoicing.automation.WhenPlanDecidedThenPublishIt;
import io.microcent.invoicing.read.customers.CustomerRepository;
import io.microcent.invoicing.read.customers.CustomersEndpoint;
import io.microcent.invoicing.read.customers.CustomersProjection;
import io.microcent.invoicing.read.usage.UsageEndpoint;
import io.microcent.invoicing.read.usage.UsageProjection;
import io.microcent.invoicing.read.usage.UsageRepository;
import io.microcent.invoicing.stripe.StripeIntegration;
import io.microcent.invoicing.stripe.StripeSettings;
import io.microcent.invoicing.write.Customer;
import io.microcent.invoicing.write.changeplan.ChangePlanEndpoint;
import io.microcent.invoicing.write.changeplan.ChangePlanHandler;
import io.microcent.invoicing.write.linkstripecustomer.LinkStripeCustomerHandler;
import io.microcent.invoicing.write.registercustomer.RegisterCustomerEndpoint;
import io.microcent.invoicing.write.registercustomer.RegisterCustomerHandler;
import io.microcent.model.id.CustomerId;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.RatedUsage;
import io.microcent.platform.axon.CommandSender;
import io.microcent.platform.axon.JdbcAxon;
import io.microcent.platform.axon.JdbcTransactions;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.kafka.KafkaConfigs;
import io.microcent.platform.kafka.ProjectionRunner;
import io.microcent.platform.kafka.TableProjectionOffsets;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.service.StartedResources;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The running invoicing service: the customer aggregate on Axon's event store in schema
 * {@value #SCHEMA}, the customers read model, the usage projection from {@code usage.rated}, and the
 * operator API over them.
 */
public final class InvoicingService implements Service {

    public static final String SCHEMA = "invoicing";

    private static final Logger log = LoggerFactory.getLogger(InvoicingService.class);

    /** Everything started, closed last-started-first. */
    private final StartedResources started;
    private final ProjectionRunner<CustomerId, RatedUsage> usage;
    private final List<HttpRoutes> routes;
    private volatile boolean open = true;

    private InvoicingService(StartedResources started, ProjectionRunner<CustomerId, RatedUsage> usage,
                             List<HttpRoutes> routes) {
        this.started = started;
        this.usage = usage;
        this.routes = routes;
    }

    public static InvoicingService start(ServiceContext context, PlanCatalog plans, StripeSettings stripeSettings) {
        StartedResources started = new StartedResources();
        try {
            context.database().migrate(SCHEMA);
            JdbcTransactions transactions = new JdbcTransactions(context.database().dataSource());

            Producer<CustomerId, CustomerPlan> planProducer = new KafkaProducer<>(
                    KafkaConfigs.durableProducer(context.kafkaBootstrap(), context.instanceId() + "-plans"),
                    Topics.CUSTOMER_PLANS.keySerde().serializer(), Topics.CUSTOMER_PLANS.valueSerde().serializer());
            started.push(planProducer);

            Configuration axon = StripeIntegration.configure(customers(JdbcAxon.configurer(SCHEMA, transactions), plans, transactions, planProducer),
                    stripeSettings, transactions, context.clock()).start();
            started.push(axon::shutdown);

            ProjectionRunner<CustomerId, RatedUsage> usage = new ProjectionRunner<>(UsageProjection.NAME, Topics.USAGE_RATED,
                    context.kafkaBootstrap(), context.instanceId() + "-usage", context.database().dsl(),
                    TableProjectionOffsets.inSchema(SCHEMA), context.meters(), new UsageProjection()).start();
            started.push(usage);

            CommandSender commands = new CommandSender(axon.commandGateway());
            CustomerRepository customers = new CustomerRepository(context.database().dsl());
            StripeIntegration stripe = started.push(StripeIntegration.start(stripeSettings, transactions, axon.commandGateway(),
                    StripeIntegration.namesFrom(customers), context.operatorAuth(), context.clock(), context.instanceId()));
            List<HttpRoutes> routes = List.of(
                    new RegisterCustomerEndpoint(context.operatorAuth(), commands, customers, context.clock()),
                    new ChangePlanEndpoint(context.operatorAuth(), commands, customers, context.clock()),
                    new CustomersEndpoint(context.operatorAuth(), customers),
                    new UsageEndpoint(context.operatorAuth(), customers, new UsageRepository(context.database().dsl()), plans, context.clock()),
                    stripe.routes());
            log.info("invoicing started: event store in schema {}", SCHEMA);
            return new InvoicingService(started, usage, routes);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    /** The customer aggregate, its decisions, and what reacts to its events within the deciding command. */
    private static Configurer customers(Configurer axon, PlanCatalog plans, JdbcTransactions transactions,
                                        Producer<CustomerId, CustomerPlan> planProducer) {
        return axon
                .configureAggregate(Customer.class)
                // the aggregate's command handlers receive their slice's decision as a parameter
                .registerComponent(RegisterCustomerHandler.class, config -> new RegisterCustomerHandler(plans))
                .registerComponent(ChangePlanHandler.class, config -> new ChangePlanHandler(plans))
                .registerComponent(LinkStripeCustomerHandler.class, config -> new LinkStripeCustomerHandler())
                .eventProcessing(processing -> processing
                        .registerSubscribingEventProcessor(CustomersProjection.PROCESSING_GROUP)
                        .registerEventHandler(config -> new CustomersProjection(transactions.dsl()))
                        .registerSubscribingEventProcessor(WhenPlanDecidedThenPublishIt.PROCESSING_GROUP)
                        .registerEventHandler(config -> new WhenPlanDecidedThenPublishIt(planProducer)));
    }

    @Override
    public String name() {
        return InvoicingModule.NAME;
    }

    @Override
    public HttpRoutes routes() {
        return HttpRoutes.documented("openapi/invoicing.json", HttpRoutes.all(routes));
    }

    /**
     * Axon is running (it started before this service was returned, and stops only on {@link #close()})
     * and the usage projection has joined its consumer group and polled.
     */
    @Override
    public boolean isReady() {
        return open && usage.isReady();
    }

    @Override
    public void close() {
        open = false;
        started.close();
    }
}
