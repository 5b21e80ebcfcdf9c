package io.microcent.invoicing.write.voidinvoice;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.invoicing.api.PathIds;
import io.microcent.invoicing.read.invoices.InvoiceRepository;
import io.microcent.invoicing.read.invoices.InvoicesEndpoint;
import io.microcent.invoicing.read.invoices.StripeStatuses;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.platform.axon.CommandSender;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;

import java.time.Clock;

/**
 * {@code POST /v1/invoices/{id}/void}: an operator voids a draft or an unpaid invoice; the period is invoiced
 * again under the next revision at the next period-close run. 200 with the void invoice; 409
 * {@code invoice_state_conflict} for a paid one.
 */
public final class VoidInvoiceEndpoint implements HttpRoutes {

    private final OperatorAuth auth;
    private final CommandSender commands;
    private final InvoiceRepository invoices;
    private final StripeStatuses stripe;
    private final Clock clock;

    public VoidInvoiceEndpoint(OperatorAuth auth, CommandSender commands, InvoiceRepository invoices,
                               StripeStatuses stripe, Clock clock) {
        this.auth = auth;
        this.commands = commands;
        this.invoices = invoices;
        this.stripe = stripe;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/invoices/{id}/void", this::post);
    }

    private void post(Context ctx) {
        auth.require(ctx);
        InvoiceId id = PathIds.invoice(ctx);
        InvoicesEndpoint.require(invoices, stripe, id);
        commands.send(new VoidInvoice(id, clock.instant()));
        ctx.json(InvoicesEndpoint.require(invoices, stripe, id));
    }
}
