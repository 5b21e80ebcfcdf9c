package io.microcent.console.pages.customers;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.console.pages.plans.PlanOption;

import java.util.ArrayList;
import java.util.List;

/** The customers page: one page of the filtered list, the next page's cursor, and the catalog for the filter and the form. */
public record CustomerListView(CustomerFilter filter, List<CustomerSummary> customers, String nextCursor, boolean paged,
                               List<PlanOption> plans) {

    static CustomerListView of(CustomerFilter filter, JsonNode page, boolean paged, JsonNode plans) {
        List<CustomerSummary> rows = new ArrayList<>();
        page.path("customers").forEach(customer -> rows.add(CustomerSummary.of(customer)));
        String next = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        return new CustomerListView(filter, rows, next, paged, PlanOption.of(plans));
    }
}
