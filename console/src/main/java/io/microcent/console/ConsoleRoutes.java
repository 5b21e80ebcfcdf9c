package io.microcent.console;

import io.javalin.config.RoutesConfig;
import io.microcent.console.api.Api;
import io.microcent.console.api.ServiceName;
import io.microcent.console.pages.analytics.AnalyticsArea;
import io.microcent.console.pages.apikeys.ApiKeysArea;
import io.microcent.console.pages.caps.CapsArea;
import io.microcent.console.pages.coupons.CouponsArea;
import io.microcent.console.pages.customers.CustomersArea;
import io.microcent.console.pages.deadletters.DeadLettersArea;
import io.microcent.console.pages.invoices.InvoicesArea;
import io.microcent.console.pages.overview.OverviewArea;
import io.microcent.console.pages.plans.PlansArea;
import io.microcent.console.pages.pricebook.PriceBookArea;
import io.microcent.console.pages.rerate.RerateArea;
import io.microcent.console.pages.usage.UsageArea;
import io.microcent.console.pages.webhooks.WebhooksArea;
import io.microcent.console.session.SignIn;
import io.microcent.console.session.SignInThrottle;
import io.microcent.console.session.Sessions;
import io.microcent.console.web.Assets;
import io.microcent.console.web.ConsoleArea;
import io.microcent.console.web.Pages;
import io.microcent.platform.http.HttpRoutes;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The whole console under {@code /console}, on whichever server hosts it: the all-in-one's port, or its own
 * ({@link ConsoleMain}). Pages are HTML, not API: they are not in {@code /openapi.json}.
 */
public final class ConsoleRoutes implements HttpRoutes {

    /** Every section, in one list; each registers its pages through {@link Pages}. */
    private static List<ConsoleArea> areas() {
        return List.of(
                new OverviewArea(),
                new UsageArea(), new AnalyticsArea(),
                new CustomersArea(), new InvoicesArea(), new PlansArea(), new CouponsArea(),
                new CapsArea(), new PriceBookArea(), new ApiKeysArea(), new WebhooksArea(), new DeadLettersArea(),
                new RerateArea());
    }

    private final Sessions sessions;
    private final SignIn signIn;
    private final Pages pages;
    private final Assets assets = new Assets();

    /** @param serviceUrls where each service answers; asked per call, so the all-in-one can give its port once it has one */
    public ConsoleRoutes(Duration sessionIdle, Supplier<Map<ServiceName, URI>> serviceUrls) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Function<String, Api> apiAs = token -> new Api(http, serviceUrls.get(), token);
        this.sessions = new Sessions(sessionIdle);
        this.pages = new Pages(sessions, apiAs);
        this.signIn = new SignIn(sessions, new SignInThrottle(5, Duration.ofMinutes(5)), apiAs);
    }

    public static ConsoleRoutes of(ConsoleSettings settings) {
        return new ConsoleRoutes(settings.sessionIdle(), settings::serviceUrls);
    }

    @Override
    public List<String> pagePrefixes() {
        return List.of("/console");
    }

    @Override
    public void register(RoutesConfig routes) {
        assets.register(routes);
        signIn.register(routes);
        areas().forEach(area -> area.register(routes, pages));
        // last, so it only catches what no page answers: a console page of its own, not the API's problem+json
        routes.get("/console/<path>", pages.page(request -> request.notFound()));
    }
}
