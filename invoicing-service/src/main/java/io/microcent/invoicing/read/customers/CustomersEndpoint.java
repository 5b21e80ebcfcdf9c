package io.microcent.invoicing.read.customers;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.invoicing.api.PageCursor;
import io.microcent.invoicing.api.PathIds;
import io.microcent.invoicing.api.SearchTerm;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.http.QueryParams;

import java.util.List;

/**
 * {@code GET /v1/customers} (by id, paged; filters {@code search}, {@code plan}) and {@code GET /v1/customers/{id}},
 * for operators.
 */
public final class CustomersEndpoint implements HttpRoutes {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** The list answer: a page, and where the next one starts ({@code null} after the last). */
    public record CustomerList(List<CustomerView> customers, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
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
        var filter = new CustomerRepository.Filter(QueryParams.parsed(ctx, "search", SearchTerm::parse),
                QueryParams.parsed(ctx, "plan", PlanId::of));
        CustomerId after = QueryParams.parsed(ctx, "cursor", text -> PageCursor.decode(text, CustomerId::of));
        int limit = QueryParams.wholeNumber(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<CustomerView> page = customers.page(filter, after, limit);
        ctx.json(new CustomerList(page, page.size() < limit ? null : PageCursor.encode(page.getLast().id().raw())));
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
