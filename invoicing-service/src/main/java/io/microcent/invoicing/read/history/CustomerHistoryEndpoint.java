package io.microcent.invoicing.read.history;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.invoicing.api.PathIds;
import io.microcent.invoicing.read.customers.CustomerRepository;
import io.microcent.invoicing.read.customers.CustomersEndpoint;
import io.microcent.model.id.CustomerId;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;

import java.util.List;

/** {@code GET /v1/customers/{id}/history}: who decided what about a customer, newest first. */
public final class CustomerHistoryEndpoint implements HttpRoutes {

    /** The answer. */
    public record History(String customer, List<HistoryEntry> events) {
    }

    private final OperatorAuth auth;
    private final CustomerRepository customers;
    private final CustomerHistory history;

    public CustomerHistoryEndpoint(OperatorAuth auth, CustomerRepository customers, CustomerHistory history) {
        this.auth = auth;
        this.customers = customers;
        this.history = history;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/customers/{id}/history", this::get);
    }

    private void get(Context ctx) {
        auth.require(ctx);
        CustomerId id = PathIds.customer(ctx);
        CustomersEndpoint.require(customers, id);
        ctx.json(new History(id.raw(), history.of(id)));
    }
}
