package io.microcent.invoicing.write.finalizeinvoice;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.invoicing.api.PathIds;
import io.microcent.invoicing.billing.BillingReader;
import io.microcent.invoicing.billing.CustomerBilling;
import io.microcent.invoicing.billing.InvoiceCloser;
import io.microcent.invoicing.read.invoices.InvoiceRepository;
import io.microcent.invoicing.read.invoices.InvoiceRow;
import io.microcent.invoicing.read.invoices.InvoicesEndpoint;
import io.microcent.invoicing.read.invoices.StripeStatuses;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.invoice.InvoiceStatus;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.usage.LateUsagePolicy;
import io.microcent.platform.axon.CommandSender;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;

import java.time.Clock;

/**
 * {@code POST /v1/invoices/{id}/finalize}: an operator finalizes a draft now, with everything counted so far.
 * Usage of the period that arrives afterwards (still inside the grace) is billed as an adjustment on the next
 * invoice. 200 with the finalized invoice; 409 {@code invoice_state_conflict} when it is not a draft.
 */
public final class FinalizeInvoiceEndpoint implements HttpRoutes {

    private final OperatorAuth auth;
    private final InvoiceRepository invoices;
    private final BillingReader billing;
    private final InvoiceCloser closer;
    private final CommandSender commands;
    private final LateUsagePolicy lateUsage;
    private final StripeStatuses stripe;
    private final Clock clock;

    public FinalizeInvoiceEndpoint(OperatorAuth auth, InvoiceRepository invoices, BillingReader billing,
                                   InvoiceCloser closer, CommandSender commands, LateUsagePolicy lateUsage,
                                   StripeStatuses stripe, Clock clock) {
        this.auth = auth;
        this.invoices = invoices;
        this.billing = billing;
        this.closer = closer;
        this.commands = commands;
        this.lateUsage = lateUsage;
        this.stripe = stripe;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/invoices/{id}/finalize", this::post);
    }

    private void post(Context ctx) {
        auth.require(ctx);
        InvoiceId id = PathIds.invoice(ctx);
        InvoiceRow row = invoices.find(id).orElseThrow(() -> new ApiException(ErrorCode.INVOICE_NOT_FOUND, "no invoice " + id));
        if (row.status() != InvoiceStatus.DRAFT) {
            throw new ApiException(ErrorCode.INVOICE_STATE_CONFLICT, "invoice " + id + " is " + row.status().jsonName()
                    + "; only a draft can be finalized");
        }
        CustomerBilling customer = billing.customer(row.customer(), row.period())
                .orElseThrow(() -> new IllegalStateException("invoice " + id + " has no subscription"));
        if (!customer.earlierDrafts(row.period()).isEmpty()) {
            throw new ApiException(ErrorCode.INVOICE_STATE_CONFLICT, "an earlier period's invoice of "
                    + row.customer() + " is still a draft; finalize invoices in period order");
        }
        boolean early = clock.instant().isBefore(lateUsage.closesAt(row.period()));
        commands.run(() -> closer.by(commands).finalize(customer, row.period(), early));
        ctx.json(InvoicesEndpoint.require(invoices, stripe, id));
    }
}
