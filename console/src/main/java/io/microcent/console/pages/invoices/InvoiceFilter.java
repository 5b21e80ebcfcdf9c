package io.microcent.console.pages.invoices;

import io.microcent.console.api.Api;
import io.microcent.console.web.ConsoleRequest;



/**
 * What the invoices page filters on, as the invoicing API takes it: the page, its CSV and its links all build
 * their queries here, so the export holds exactly what the page lists. Unknown values are passed on, and the
 * service refuses them with the parameter named.
 */
public record InvoiceFilter(String status, String stripeStatus, String period, String search) {

    static InvoiceFilter of(ConsoleRequest request) {
        return new InvoiceFilter(request.param("status").orElse(""), request.param("stripeStatus").orElse(""),
                request.param("period").orElse(""), request.param("search").orElse(""));
    }

    /** The API query for one page. */
    Api.Query query(int limit, String cursor) {
        return Api.Query.of("status", status, "stripeStatus", stripeStatus, "period", period, "search", search,
                "limit", String.valueOf(limit), "cursor", cursor);
    }

    public boolean any() {
        return !(status + stripeStatus + period + search).isEmpty();
    }

    /** This page with another status tab. */
    public String withStatus(String other) {
        return href("/console/invoices", new InvoiceFilter(other, stripeStatus, period, search), null);
    }

    /** The next page after {@code cursor}. */
    public String next(String cursor) {
        return href("/console/invoices", this, cursor);
    }

    public String first() {
        return href("/console/invoices", this, null);
    }

    public String csv() {
        return href("/console/invoices.csv", this, null);
    }

    private static String href(String path, InvoiceFilter filter, String cursor) {
        return Api.Query.of("status", filter.status, "stripeStatus", filter.stripeStatus, "period", filter.period,
                "search", filter.search, "cursor", cursor).on(path);
    }
}
