package io.microcent.console.pages.customers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.microcent.console.api.Api;
import io.microcent.console.api.ApiPages;
import io.microcent.console.api.ApiProblem;
import io.microcent.console.api.ServiceName;
import io.microcent.console.format.Csv;
import io.microcent.console.web.Answers;
import io.microcent.console.web.ConsoleArea;
import io.microcent.console.web.ConsoleRequest;
import io.microcent.console.web.Nav;
import io.microcent.console.web.Pages;
import io.microcent.model.json.Json;

import java.util.List;
import java.util.Map;

/**
 * {@code /console/customers}: the customers by search and plan, their CSV, the create form, and each customer's
 * page with its plan change, coupon redemption, usage, invoices, caps, keys and history of decisions.
 */
public final class CustomersArea implements ConsoleArea {

    static final int PAGE_SIZE = 50;
    /** The API's largest page, for the export. */
    static final int EXPORT_PAGE_SIZE = 1000;

    @Override
    public void register(RoutesConfig routes, Pages pages) {
        String base = Nav.CUSTOMERS.path();
        routes.get(base, pages.page(this::list));
        routes.get(base + ".csv", pages.page(this::csv));
        routes.post(base, pages.action(this::create));
        routes.get(base + "/{id}", pages.page(this::show));
        routes.post(base + "/{id}/plan", pages.action(this::changePlan));
        routes.post(base + "/{id}/coupons", pages.action(this::redeem));
    }

    private void list(ConsoleRequest request) {
        CustomerFilter filter = CustomerFilter.of(request);
        String cursor = request.param("cursor").orElse(null);
        JsonNode page = request.api().get(ServiceName.INVOICING, "/v1/customers", filter.query(PAGE_SIZE, cursor));
        JsonNode plans = request.api().get(ServiceName.INVOICING, "/v1/plans", Api.Query.none());
        request.render("Customers", Nav.CUSTOMERS, "customers/list.jte",
                Map.of("view", CustomerListView.of(filter, page, cursor != null, plans)));
    }

    private void csv(ConsoleRequest request) {
        CustomerFilter filter = CustomerFilter.of(request);
        List<JsonNode> customers = ApiPages.all(cursor -> request.api().get(ServiceName.INVOICING, "/v1/customers",
                filter.query(EXPORT_PAGE_SIZE, cursor)), "customers");
        Csv csv = new Csv().row("id", "name", "email", "plan", "billing_interval", "pending_plan", "pending_effective_at",
                "billing_starts_at", "created_at", "stripe_customer_id");
        for (JsonNode customer : customers) {
            CustomerSummary row = CustomerSummary.of(customer);
            csv.row(row.id(), row.name(), row.email(), row.plan(), row.billingInterval(), row.pendingPlan(),
                    row.pendingEffectiveAt(), row.billingStartsAt(), row.createdAt(), row.stripeCustomerId());
        }
        Answers.csv(request, "customers.csv", csv);
    }

    private void create(ConsoleRequest request) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("id", request.param("id").orElse(""));
        body.put("name", request.param("name").orElse(""));
        body.put("plan", request.param("plan").orElse(""));
        request.param("email").ifPresent(email -> body.put("email", email));
        request.param("billingInterval").ifPresent(interval -> body.put("billingInterval", interval));
        try {
            JsonNode created = request.api().post(ServiceName.INVOICING, "/v1/customers", Api.Query.none(), body);
            request.redirect(page(created.path("id").asText()), "Customer " + created.path("id").asText() + " created on "
                    + created.path("plan").asText() + ".");
        } catch (ApiProblem problem) {
            Answers.refused(request, Nav.CUSTOMERS.path() + "#create", problem);
        }
    }

    private void show(ConsoleRequest request) {
        String id = request.path("id");
        String path = "/v1/customers/" + Api.segment(id);
        Api api = request.api();
        JsonNode customer = api.get(ServiceName.INVOICING, path, Api.Query.none());
        request.render(customer.path("name").asText(id), Nav.CUSTOMERS, "customers/page.jte", Map.of("view", CustomerPageView.of(
                customer,
                api.get(ServiceName.INVOICING, "/v1/plans", Api.Query.none()),
                api.get(ServiceName.INVOICING, path + "/usage", Api.Query.none()),
                api.get(ServiceName.RATING, path + "/usage/breakdown", Api.Query.none()),
                api.get(ServiceName.INVOICING, path + "/invoices/upcoming", Api.Query.none()),
                api.get(ServiceName.INVOICING, path + "/invoices", Api.Query.none()),
                api.get(ServiceName.INVOICING, path + "/coupons", Api.Query.none()),
                api.get(ServiceName.CAPS, "/v1/caps", Api.Query.of("customer", id)),
                api.get(ServiceName.INGEST, "/v1/api-keys", Api.Query.none()),
                api.get(ServiceName.INVOICING, path + "/history", Api.Query.none()))));
    }

    private void changePlan(ConsoleRequest request) {
        String id = request.path("id");
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("plan", request.param("plan").orElse(""));
        body.put("timing", request.param("timing").orElse("default"));
        try {
            JsonNode customer = request.api().put(ServiceName.INVOICING, "/v1/customers/" + Api.segment(id) + "/plan", body);
            JsonNode pending = customer.path("pendingPlanChange");
            request.redirect(page(id), pending.isObject()
                    ? "Plan change to " + pending.path("plan").asText() + " scheduled for " + pending.path("effectiveAt").asText() + "."
                    : "Plan is now " + customer.path("plan").asText() + ".");
        } catch (ApiProblem problem) {
            Answers.refused(request, page(id) + "#plan", problem);
        }
    }

    private void redeem(ConsoleRequest request) {
        String id = request.path("id");
        String field = request.param("kind").filter("promotionCode"::equals).orElse("code");
        ObjectNode body = Json.mapper().createObjectNode();
        body.put(field, request.param("code").orElse(""));
        try {
            JsonNode redemption = request.api().post(ServiceName.INVOICING, "/v1/customers/" + Api.segment(id) + "/coupons", Api.Query.none(), body);
            request.redirect(page(id), "Coupon " + redemption.path("coupon").asText() + " redeemed.");
        } catch (ApiProblem problem) {
            Answers.refused(request, page(id) + "#coupons", problem);
        }
    }

    private static String page(String id) {
        return Nav.CUSTOMERS.path() + "/" + Api.segment(id);
    }
}
