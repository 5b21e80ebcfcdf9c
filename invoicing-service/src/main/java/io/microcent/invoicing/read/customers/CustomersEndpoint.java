package io.microcent.invoicing.read.customers;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.invoicing.api.PathIds;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;

import java.util.List;

/** {@code GET /v1/customers} and {@code GET /v1/customers/{id}}, for operators. */
public final class CustomersEndpoint implements HttpRoutes {

    /** The list answer; an object, so that paging can be added without breaking clients. */
    public record CustomerList(List<CustomerView> customers) {
    }

    private final OperatorAuth auth;
    private final CustomerRepository customers;

    public CustomersEndpoint(OperatorAuth auth, CustomerRepository customers) {
        this.auth = auth;
        this.customers = customers;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/customers", this::list);
        routes.get("/v1/customers/{id}", this::get);
    }

    private void list(Context ctx) {
        auth.require(ctx);
        ctx.json(new CustomerList(customers.all()));
    }

    private void get(Context ctx) {
        auth.require(ctx);
        ctx.json(require(customers, PathIds.customer(ctx)));
    }

    /** The customer, or {@code CUSTOMER_NOT_FOUND}. */
    public static CustomerView require(CustomerRepository customers, CustomerId id) {
        return customers.find(id).orElseThrow(() -> new ApiException(ErrorCode.CUSTOMER_NOT_FOUND, "no customer " + id));
    }
}
