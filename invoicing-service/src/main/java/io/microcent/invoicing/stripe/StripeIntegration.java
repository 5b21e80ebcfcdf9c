package io.microcent.invoicing.stripe;

import io.microcent.invoicing.write.Actors;
import io.microcent.invoicing.read.customers.CustomerRepository;
import io.microcent.invoicing.read.invoices.StripeStatuses;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.platform.axon.CommandSender;
import io.microcent.platform.axon.JdbcTransactions;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configurer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe in invoicing, as the service wires it: the outbox handler on the Axon configuration ({@link #configure}),
 * then ({@link #start}) the sync worker (when a key is set), the sync and webhook routes, and {@link StripeSyncs}.
 */
public final class StripeIntegration implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StripeIntegration.class);

    private final StripeSyncWorker worker;
    private final HttpRoutes routes;
    private final StripeSyncs syncs;

    private StripeIntegration(StripeSyncWorker worker, HttpRoutes routes, StripeSyncs syncs) {
        this.worker = worker;
        this.routes = routes;
        this.syncs = syncs;
    }

    /** Adds the outbox: every finalized invoice gets its row in the transaction that finalized it. */
    public static Configurer configure(Configurer axon, StripeSettings settings, JdbcTransactions transactions, Clock clock) {
        return axon.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(StripeOutbox.PROCESSING_GROUP)
                .registerEventHandler(config -> new StripeOutbox(new StripeSyncRows(transactions.dsl()), settings.syncEnabled(), clock)));
    }

    /** The Stripe customer's name and e-mail, from the customers read model. */
    public static StripeCustomerDetails detailsFrom(CustomerRepository customers) {
        return customer -> customers.find(customer).map(view -> new StripeCustomerDetails.Details(view.name(), view.email()));
    }

    /** Where each invoice stands in Stripe, as the invoice views show it. */
    public static StripeStatuses statuses(StripeSyncs syncs) {
        StripeStatuses.StripeStatus none = StripeStatuses.off().of(null);
        return new StripeStatuses() {
            @Override
            public StripeStatus of(InvoiceId invoice) {
                return syncs.find(invoice).map(StripeIntegration::status).orElse(none);
            }

            @Override
            public Map<InvoiceId, StripeStatus> ofAll(Collection<InvoiceId> invoices) {
                Map<InvoiceId, StripeSyncView> found = syncs.findAll(invoices);
                Map<InvoiceId, StripeStatus> statuses = new HashMap<>();
                invoices.forEach(invoice -> statuses.put(invoice,
                        Optional.ofNullable(found.get(invoice)).map(StripeIntegration::status).orElse(none)));
                return statuses;
            }
        };
    }

    private static StripeStatuses.StripeStatus status(StripeSyncView sync) {
        return new StripeStatuses.StripeStatus(sync.stripeInvoiceId(), sync.status().code(), sync.lastError(),
                sync.stripeTotalCents());
    }


    /**
     * Starts the sync worker (when sync is on) under {@code instanceId}.
     *
     * @param clock          the service clock (simulated in demos): due times, recorded times
     * @param signatureClock what webhook signatures are checked against: Stripe signs with real time
     */
    public static StripeIntegration start(StripeSettings settings, JdbcTransactions transactions, CommandGateway commands,
                                          StripeCustomerDetails details, OperatorAuth auth, Clock clock, Clock signatureClock,
                                          String instanceId) {
        StripeIntegration stripe = create(settings, transactions, commands, details, auth, clock, signatureClock, instanceId,
                StripeSyncWorker.Timing.DEFAULT, InvoiceSync.Probe.NONE);
        if (stripe.worker != null) {
            stripe.worker.start();
        }
        log.info("Stripe: {}", settings);
        return stripe;
    }

    /** Everything, the worker not started: tests run its passes themselves. */
    static StripeIntegration create(StripeSettings settings, JdbcTransactions transactions, CommandGateway commands,
                                    StripeCustomerDetails details, OperatorAuth auth, Clock clock, Clock signatureClock,
                                    String instanceId, StripeSyncWorker.Timing timing, InvoiceSync.Probe probe) {
        StripeSyncRows rows = new StripeSyncRows(transactions.dsl());
        StripeSyncWorker worker = null;
        if (settings.syncEnabled()) {
            StripeCalls calls = new StripeCalls(settings.apiKey().orElseThrow(), settings.apiBase());
            // linking the Stripe customer is the sync worker's own decision
            StripeCustomerSync customers = new StripeCustomerSync(transactions.dsl(), calls, details,
                    new CommandSender(commands).as(Actors.SYSTEM), clock);
            worker = new StripeSyncWorker(rows, new InvoiceSync(rows, calls, customers, clock, probe), clock, timing, instanceId);
        }
        HttpRoutes routes = HttpRoutes.documented("openapi/invoicing-stripe.json", HttpRoutes.all(List.of(
                new StripeSyncEndpoint(auth, rows, worker),
                new StripeWebhookEndpoint(settings.webhookSecret(), transactions, rows,
                        new CommandSender(commands).as(Actors.STRIPE), clock, signatureClock))));
        return new StripeIntegration(worker, routes, new StripeSyncs(transactions.dsl()));
    }

    public HttpRoutes routes() {
        return routes;
    }

    public StripeSyncs syncs() {
        return syncs;
    }

    /** The worker, or {@code null} when sync is off. */
    StripeSyncWorker worker() {
        return worker;
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.close();
        }
    }
}
