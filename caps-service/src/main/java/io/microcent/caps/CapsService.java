package io.microcent.caps;

import io.microcent.caps.authorize.CapsStores;
import io.microcent.caps.authorize.AuthorizeComponent;
import io.microcent.caps.authorize.CustomerLocks;
import io.microcent.caps.authorize.IngestKeyVerifier;
import io.microcent.caps.authorize.ReservationBook;
import io.microcent.caps.read.alerts.CapAlertLog;
import io.microcent.caps.read.alerts.CapAlertsEndpoint;
import io.microcent.caps.read.caps.CapsEndpoint;
import io.microcent.caps.spend.SpendComponent;
import io.microcent.caps.webhooks.AlertWebhooks;
import io.microcent.caps.webhooks.WebhookSettings;
import io.microcent.caps.write.CapDefinitionsComponent;
import io.microcent.platform.customers.KnownCustomers;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.service.StartedResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The running caps service, composed of its parts: caps as data ({@link CapDefinitionsComponent}: the cap
 * aggregate on Axon's event store in schema {@value #SCHEMA}, its read model and its publication on
 * {@code caps.definitions}); the caps topology ({@link SpendComponent}: spend, states, alerts, the durable
 * reservations, instance routing); {@code /v1/authorize} ({@link AuthorizeComponent}); webhooks of cap alerts and invoice events
 * ({@link AlertWebhooks}); and the read API over caps and where they stand. Caps, webhooks and authorizations
 * may only name customers that exist ({@link KnownCustomers}, one reader of {@code customer.plans} per instance).
 */
public final class CapsService implements Service {

    public static final String SCHEMA = "caps";

    private static final Logger log = LoggerFactory.getLogger(CapsService.class);

    /** Everything started, closed last-started-first. */
    private final StartedResources started;
    private final KnownCustomers customers;
    private final SpendComponent spend;
    private final AlertWebhooks webhooks;
    private final List<HttpRoutes> routes;
    private volatile boolean open = true;

    private CapsService(StartedResources started, KnownCustomers customers, SpendComponent spend, AlertWebhooks webhooks,
                        List<HttpRoutes> routes) {
        this.started = started;
        this.customers = customers;
        this.spend = spend;
        this.webhooks = webhooks;
        this.routes = routes;
    }

    public static CapsService start(ServiceContext context, int streamThreads, WebhookSettings webhookSettings,
                                    CapsSettings settings, IngestKeyVerifier ingestKeys) {
        StartedResources started = new StartedResources();
        try {
            context.database().migrate(SCHEMA);
            // a client id of its own: in the all-in-one, ingest runs its reader under the same instance id
            KnownCustomers customers = KnownCustomers.start(context.kafkaBootstrap(), context.instanceId() + "-caps-customers");
            started.push(customers);
            CapDefinitionsComponent definitions = CapDefinitionsComponent.start(context, SCHEMA, customers);
            started.push(definitions);
            CustomerLocks locks = new CustomerLocks();
            ReservationBook reservations = new ReservationBook(locks);
            SpendComponent spend = SpendComponent.start(context, streamThreads, settings, reservations);
            started.push(spend);
            AuthorizeComponent authorize = AuthorizeComponent.start(context, settings, ingestKeys, customers, reservations, locks, spend);
            started.push(authorize);
            AlertWebhooks webhooks = AlertWebhooks.start(context, webhookSettings, customers);
            started.push(webhooks);

            List<HttpRoutes> routes = List.of(
                    definitions.routes(),
                    new CapsEndpoint(context.operatorAuth(), definitions.caps(), authorize.authorizer(), spend.routing(), context.clock()),
                    new CapAlertsEndpoint(context.operatorAuth(), definitions.caps(), new CapAlertLog(context.database().dsl())),
                    authorize.routes(),
                    spend.routes(),
                    webhooks.routes());
            log.info("caps started: event store in schema {}, {}", SCHEMA,
                    settings.advertisedUrl().map(url -> "advertised as " + url).orElse("single instance"));
            return new CapsService(started, customers, spend, webhooks, routes);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    /** The stores this instance decides with (tests: which customers' state it serves). */
    CapsStores decisionStores() {
        return spend.stores();
    }

    @Override
    public String name() {
        return CapsModule.NAME;
    }

    @Override
    public HttpRoutes routes() {
        return HttpRoutes.documented("openapi/caps.json", config -> routes.forEach(r -> r.register(config)));
    }

    /** Also waits for every customer published so far: before, requests for existing customers could be refused. */
    @Override
    public boolean isReady() {
        return open && customers.isReady() && spend.isRunning() && webhooks.isReady();
    }

    @Override
    public void close() {
        open = false;
        started.close();
    }
}
