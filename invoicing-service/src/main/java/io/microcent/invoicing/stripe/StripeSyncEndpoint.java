package io.microcent.invoicing.stripe;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.model.error.ErrorCode;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;

/**
 * {@code POST /v1/invoices/{id}/sync}: an operator's "retry now". A failed or pending invoice (or one finalized while
 * sync was off) is synced at once; the answer is where it stands afterwards.
 */
final class StripeSyncEndpoint implements HttpRoutes {

    private final OperatorAuth auth;
    private final StripeSyncRows rows;
    /** {@code null} when Stripe sync is off */
    private final StripeSyncWorker worker;

    StripeSyncEndpoint(OperatorAuth auth, StripeSyncRows rows, StripeSyncWorker worker) {
        this.auth = auth;
        this.rows = rows;
        this.worker = worker;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/invoices/{id}/sync", this::post);
    }

    private void post(Context ctx) {
        auth.require(ctx);
        String raw = ctx.pathParam("id");
        if (!InvoiceId.isWellFormed(raw)) {
            throw ApiException.badParameter("id", "id must be an invoice id: in_ followed by a UUID");
        }
        InvoiceId invoice = InvoiceId.of(raw);
        if (worker == null) {
            throw new ApiException(ErrorCode.STRIPE_NOT_CONFIGURED, "Stripe sync is off: MICROCENT_STRIPE_API_KEY is not set");
        }
        if (rows.find(invoice).isEmpty()) {
            throw new ApiException(ErrorCode.INVOICE_NOT_FOUND, "no finalized invoice " + invoice);
        }
        worker.syncNow(invoice);
        ctx.json(rows.find(invoice).orElseThrow());
    }
}
