package io.microcent.invoicing.api;

import io.javalin.http.Context;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.InvalidIdException;
import io.microcent.platform.http.ApiException;

/** Ids taken from request paths: a malformed one is an invalid parameter, not a missing resource. */
public final class PathIds {

    private PathIds() {
    }

    /** The customer of a {@code /v1/customers/{id}…} route. */
    public static CustomerId customer(Context ctx) {
        try {
            return CustomerId.of(ctx.pathParam("id"));
        } catch (InvalidIdException e) {
            throw ApiException.badParameter("id", "id " + e.reason());
        }
    }

    /** The invoice of a {@code /v1/invoices/{id}…} route. */
    public static InvoiceId invoice(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!InvoiceId.isWellFormed(raw)) {
            throw ApiException.badParameter("id", "an invoice id is in_ followed by a UUID");
        }
        return InvoiceId.of(raw);
    }
}
