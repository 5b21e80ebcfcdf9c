package io.microcent.console.pages.customers;

import io.microcent.console.api.Api;
import io.microcent.console.web.ConsoleRequest;
import io.microcent.console.web.Nav;


/**
 * What the customers page filters on ({@code search}: part of the id, name or e-mail; {@code plan}: the plan in
 * force), as the invoicing API takes it: page, CSV and links build their queries here.
 */
public record CustomerFilter(String search, String plan) {

    static CustomerFilter of(ConsoleRequest request) {
        return new CustomerFilter(request.param("search").orElse(""), request.param("plan").orElse(""));
    }

    Api.Query query(int limit, String cursor) {
        return Api.Query.of("search", search, "plan", plan, "limit", String.valueOf(limit), "cursor", cursor);
    }

    public boolean any() {
        return !(search + plan).isEmpty();
    }

    public String next(String cursor) {
        return href(Nav.CUSTOMERS.path(), cursor);
    }

    public String first() {
        return href(Nav.CUSTOMERS.path(), null);
    }

    public String csv() {
        return href(Nav.CUSTOMERS.path() + ".csv", null);
    }

    private String href(String path, String cursor) {
        return Api.Query.of("search", search, "plan", plan, "cursor", cursor).on(path);
    }
}
