package io.microcent.invoicing;

import io.microcent.invoicing.automation.InvoiceNotifier;
import io.microcent.invoicing.automation.PlanPublisher;
import io.microcent.invoicing.automation.WhenPeriodEndsThenInvoiceIt;
import io.microcent.invoicing.automation.WhenPlanChangeFallsDueThenPublishIt;
import io.microcent.invoicing.automation.WhenInvoiceChangesThenNotify;
import io.microcent.invoicing.automation.WhenPlanDecidedThenPublishIt;
import io.microcent.invoicing.billing.BillingReader;
import io.microcent.invoicing.billing.InvoiceCloser;
import io.microcent.invoicing.billing.ReadModelBillingInputs;
import io.microcent.invoicing.billing.UsageCountedCheck;
import io.microcent.invoicing.read.coupons.RedemptionRepository;
import io.microcent.invoicing.read.history.CustomerHistory;
import io.microcent.invoicing.read.history.CustomerHistoryEndpoint;
import io.microcent.invoicing.read.invoicepdf.InvoicePdfEndpoint;
import io.microcent.invoicing.read.invoices.InvoiceRepository;
import io.microcent.invoicing.read.invoices.InvoicesEndpoint;
import io.microcent.invoicing.read.invoices.InvoicesProjection;
import io.microcent.invoicing.read.invoices.StripeStatuses;
import io.microcent.invoicing.read.reconciliation.ReconciliationEndpoint;
import io.microcent.invoicing.read.upcoming.UpcomingInvoiceEndpoint;
import io.microcent.invoicing.write.draftinvoice.DraftInvoiceHandler;
import io.microcent.invoicing.write.finalizeinvoice.FinalizeInvoiceEndpoint;
import io.microcent.invoicing.write.finalizeinvoice.FinalizeInvoiceHandler;
import io.microcent.invoicing.write.invoice.Invoice;
import io.microcent.invoicing.write.stripeinvoiceevent.RecordStripeInvoiceEventHandler;
import io.microcent.invoicing.write.voidinvoice.VoidInvoiceEndpoint;
import io.microcent.invoicing.write.voidinvoice.VoidInvoiceHandler;
import io.microcent.model.topic.ConsumerGroups;
import io.microcent.invoicing.coupons.Coupons;
import io.microcent.invoicing.generate.BillingInterval;
import io.microcent.invoicing.read.customers.CustomerRepository;
import io.microcent.invoicing.read.customers.CustomersEndpoint;
import io.microcent.invoicing.read.customers.CustomersProjection;
import io.microcent.invoicing.read.plans.PlansEndpoint;
import io.microcent.invoicing.read.subscriptions.SubscriptionRepository;
import io.microcent.invoicing.read.subscriptions.SubscriptionsProjection;
import io.microcent.invoicing.read.usage.UsageEndpoint;
import io.microcent.invoicing.read.usage.UsageProjection;
import io.microcent.invoicing.read.usage.UsageRepository;
import io.microcent.invoicing.stripe.StripeIntegration;
import io.microcent.invoicing.stripe.StripeSettings;
import io.microcent.invoicing.write.Actors;
import io.microcent.invoicing.write.Customer;
import io.microcent.invoicing.write.changeplan.ChangePlanEndpoint;
import io.microcent.invoicing.write.changeplan.ChangePlanHandler;
import io.microcent.invoicing.write.linkstripecustomer.LinkStripeCustomerHandler;
import io.microcent.invoicing.write.redeemcoupon.CustomerTerms;
import io.microcent.invoicing.write.registercustomer.RegisterCustomerEndpoint;
import io.microcent.invoicing.write.registercustomer.RegisterCustomerHandler;
import io.microcent.model.id.CustomerId;
import io.microcent.model.invoice.InvoiceNotification;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.LateUsagePolicy;
import io.microcent.model.usage.RatedBatch;
import io.microcent.platform.axon.CommandSender;
import io.microcent.platform.axon.JdbcAxon;
import io.microcent.platform.axon.JdbcTransactions;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.kafka.KafkaConfigs;
import io.microcent.platform.kafka.ProjectionRunner;
import io.microcent.platform.kafka.RatedLines;
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
    private final ProjectionRunner<CustomerId, RatedBatch> usage;
    private final WhenPeriodEndsThenInvoiceIt periodClose;
    private final UsageCountedCheck counted;
    private final List<HttpRoutes> routes;
    private volatile boolean open = true;

    private InvoicingService(StartedResources started, ProjectionRunner<CustomerId, RatedBatch> usage,
                             WhenPeriodEndsThenInvoiceIt periodClose, UsageCountedCheck counted, List<HttpRoutes> routes) {
        this.started = started;
        this.usage = usage;
        this.periodClose = periodClose;
        this.counted = counted;
        this.routes = routes;
    }

    /** Whether every usage event accepted before {@code moment} is counted in the usage read model. */
    public boolean usageCountedUpTo(java.time.Instant moment) {
        return counted.countedUpTo(moment);
    }

    /** Period close, which also runs on its own schedule; a run now is for tests and the bench. */
    public WhenPeriodEndsThenInvoiceIt periodClose() {
        return periodClose;
    }

    public static InvoicingService start(ServiceContext context, InvoicingSettings settings) {
        PlanCatalog plans = settings.plans();
        LateUsagePolicy lateUsage = settings.lateUsage();
        StripeSettings stripeSettings = settings.stripe();
        StartedResources started = new StartedResources();
        try {
            context.database().migrate(SCHEMA);
            JdbcTransactions transactions = new JdbcTransactions(context.database().dataSource());

            Producer<CustomerId, CustomerPlan> planProducer = new KafkaProducer<>(
                    KafkaConfigs.durableProducer(context.kafkaBootstrap(), context.instanceId() + "-plans"),
                    Topics.CUSTOMER_PLANS.keySerde().serializer(), Topics.CUSTOMER_PLANS.valueSerde().serializer());
            started.push(planProducer);

            PlanPublisher planPublisher = new PlanPublisher(planProducer);
            Producer<CustomerId, InvoiceNotification> invoiceEventsProducer = new KafkaProducer<>(
                    KafkaConfigs.durableProducer(context.kafkaBootstrap(), context.instanceId() + "-invoice-events"),
                    Topics.INVOICE_EVENTS.keySerde().serializer(), Topics.INVOICE_EVENTS.valueSerde().serializer());
            started.push(invoiceEventsProducer);
            // read inside the redeeming command's transaction: the plan in force now and the billing interval
            SubscriptionRepository subscriptions = new SubscriptionRepository(transactions.dsl(), plans);
            CustomerTerms customerTerms = id -> subscriptions.find(id).map(subscription -> new CustomerTerms.Terms(
                    subscription.planAt(context.clock().instant()).id(), subscription.interval()));
            InvoiceRepository invoicesInCommand = new InvoiceRepository(transactions.dsl());
            Configuration axon = StripeIntegration.configure(Coupons.configure(
                    invoices(customers(Actors.recorded(JdbcAxon.configurer(SCHEMA, transactions)), plans, lateUsage, transactions, planPublisher), transactions,
                            new WhenInvoiceChangesThenNotify(new InvoiceNotifier(invoiceEventsProducer), invoicesInCommand)),
                    plans, transactions, customerTerms, invoicesInCommand::hasBilled), stripeSettings, transactions, context.clock()).start();
            started.push(axon::shutdown);
            started.push(new WhenPlanChangeFallsDueThenPublishIt(transactions, subscriptions, planPublisher, context.clock())
                    .start(WhenPlanChangeFallsDueThenPublishIt.DEFAULT_INTERVAL));

            ProjectionRunner<CustomerId, RatedBatch> usage = new ProjectionRunner<>(UsageProjection.NAME, Topics.USAGE_RATED_BATCHES,
                    context.kafkaBootstrap(), context.instanceId() + "-usage", context.database().dsl(),
                    TableProjectionOffsets.inSchema(SCHEMA), context.meters(), new UsageProjection(plans), RatedLines.ITEMS).start();
            started.push(usage);

            CommandSender commands = new CommandSender(axon.commandGateway()).as(Actors.OPERATOR);
            CommandSender automations = new CommandSender(axon.commandGateway()).as(Actors.SYSTEM);
            CustomerRepository customers = new CustomerRepository(context.database().dsl(), subscriptions, context.clock());
            StripeIntegration stripeSync = started.push(StripeIntegration.start(stripeSettings, transactions, axon.commandGateway(),
                    StripeIntegration.detailsFrom(customers), context.operatorAuth(), context.clock(),
                    java.time.Clock.systemUTC(), context.instanceId()));
            StripeStatuses stripe = StripeIntegration.statuses(stripeSync.syncs());
            InvoiceRepository invoices = new InvoiceRepository(context.database().dsl());
            BillingReader billing = new BillingReader(new ReadModelBillingInputs(context.database().dsl(), plans), invoices);
            // reads its own writes: inside period close's batch transaction, on it
            InvoiceCloser closer = new InvoiceCloser(automations, invoicesInCommand, context.clock());

            UsageCountedCheck counted = new UsageCountedCheck(context.kafkaBootstrap(), context.instanceId() + "-period-close",
                    ConsumerGroups.RATING, context.database().dsl(), TableProjectionOffsets.inSchema(SCHEMA), UsageProjection.NAME);
            started.push(counted);
            WhenPeriodEndsThenInvoiceIt periodClose = new WhenPeriodEndsThenInvoiceIt(billing, closer, counted,
                    settings.lateUsage(), context.clock(), settings.periodCloseThreads(), transactions).start(settings.periodCloseInterval());
            started.push(periodClose);

            Coupons.createShipped(automations, context.clock());
            List<HttpRoutes> routes = List.of(
                    new RegisterCustomerEndpoint(context.operatorAuth(), commands, customers, context.clock()),
                    new ChangePlanEndpoint(context.operatorAuth(), commands, customers, context.clock()),
                    new CustomersEndpoint(context.operatorAuth(), customers),
                    new PlansEndpoint(context.operatorAuth(), plans),
                    new UsageEndpoint(context.operatorAuth(), customers, new UsageRepository(context.database().dsl()), plans, context.clock()),
                    Coupons.routes(context.operatorAuth(), commands, context.database().dsl(), customers, plans, context.clock()),
                    HttpRoutes.documented("openapi/invoicing-invoices.json", HttpRoutes.all(List.of(
                            new InvoicesEndpoint(context.operatorAuth(), invoices, customers, stripe),
                            new InvoicePdfEndpoint(context.operatorAuth(), invoices, customers, stripe),
                            new UpcomingInvoiceEndpoint(context.operatorAuth(), billing, context.clock()),
                            new FinalizeInvoiceEndpoint(context.operatorAuth(), invoices, billing, closer, commands,
                                    settings.lateUsage(), stripe, context.clock()),
                            new VoidInvoiceEndpoint(context.operatorAuth(), commands, invoices, stripe, context.clock()),
                            new ReconciliationEndpoint(context.operatorAuth(), context.database().dsl(), invoices, stripe)))),
                    stripeSync.routes(),
                    HttpRoutes.documented("openapi/invoicing-history.json", new CustomerHistoryEndpoint(context.operatorAuth(),
                            customers, new CustomerHistory(axon.eventStore(), invoices,
                            new RedemptionRepository(context.database().dsl())))));
            log.info("invoicing started: event store in schema {}", SCHEMA);
            return new InvoicingService(started, usage, periodClose, counted, routes);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    /** The customer aggregate, its decisions, and what reacts to its events within the deciding command. */
    private static Configurer customers(Configurer axon, PlanCatalog plans, LateUsagePolicy lateUsage,
                                        JdbcTransactions transactions, PlanPublisher planPublisher) {
        return axon
                .configureAggregate(Customer.class)
                // the aggregate's command handlers receive their slice's decision as a parameter
                .registerComponent(RegisterCustomerHandler.class, config -> new RegisterCustomerHandler(plans, lateUsage))
                .registerComponent(ChangePlanHandler.class, config -> new ChangePlanHandler(plans))
                .registerComponent(LinkStripeCustomerHandler.class, config -> new LinkStripeCustomerHandler())
                .eventProcessing(processing -> processing
                        .registerSubscribingEventProcessor(CustomersProjection.PROCESSING_GROUP)
                        .registerEventHandler(config -> new CustomersProjection(transactions.dsl()))
                        // before publishing: it locks the customer's subscription row, which the automation
                        // publishing deferred changes takes too, so the two never publish one customer's plans
                        // in the wrong order
                        .registerSubscribingEventProcessor(SubscriptionsProjection.PROCESSING_GROUP)
                        .registerEventHandler(config -> new SubscriptionsProjection(transactions.dsl()))
                        .registerSubscribingEventProcessor(WhenPlanDecidedThenPublishIt.PROCESSING_GROUP)
                        .registerEventHandler(config -> new WhenPlanDecidedThenPublishIt(planPublisher)));
    }

    /**
     * The invoice aggregate, its decisions, its read model and its notifications (in the deciding command's
     * transaction).
     */
    private static Configurer invoices(Configurer axon, JdbcTransactions transactions, WhenInvoiceChangesThenNotify notify) {
        return axon
                .configureAggregate(Invoice.class)
                .registerComponent(DraftInvoiceHandler.class, config -> new DraftInvoiceHandler())
                .registerComponent(FinalizeInvoiceHandler.class, config -> new FinalizeInvoiceHandler())
                .registerComponent(VoidInvoiceHandler.class, config -> new VoidInvoiceHandler())
                .registerComponent(RecordStripeInvoiceEventHandler.class, config -> new RecordStripeInvoiceEventHandler())
                .eventProcessing(processing -> processing
                        .registerSubscribingEventProcessor(InvoicesProjection.PROCESSING_GROUP)
                        .registerEventHandler(config -> new InvoicesProjection(transactions.dsl()))
                        // same processing group, after the read model: each event updates the row first, and the
                        // notification reads it as that event left it
                        .registerEventHandler(config -> notify));
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
