package io.microcent.invoicing.billing;

import io.microcent.invoicing.generate.FinalizedInvoice;
import io.microcent.invoicing.generate.InvoiceFinalizer;
import io.microcent.invoicing.generate.InvoiceLine;
import io.microcent.invoicing.read.invoices.InvoiceRepository;
import io.microcent.invoicing.read.invoices.InvoiceRow;
import io.microcent.invoicing.write.draftinvoice.DraftInvoice;
import io.microcent.invoicing.write.finalizeinvoice.FinalizeInvoice;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.invoice.InvoiceLineData;
import io.microcent.invoicing.write.invoice.InvoiceLines;
import io.microcent.invoicing.write.invoice.InvoiceStatus;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.platform.axon.CommandSender;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Turns the generator's lines into invoice commands: drafts a period's invoice or brings it up to date, and
 * finalizes it with the lines made from everything counted at that moment. The one place both period close
 * and the operator's finalize go through; each sends as its own actor ({@link #by}).
 */
public final class InvoiceCloser {

    private final CommandSender commands;
    private final InvoiceRepository invoices;
    private final Clock clock;

    /** @param commands how period close sends its commands (failures as they are, not as HTTP problems) */
    public InvoiceCloser(CommandSender commands, InvoiceRepository invoices, Clock clock) {
        this.commands = commands;
        this.invoices = invoices;
        this.clock = clock;
    }

    /** The same closer sending with {@code sender}, e.g. as the operator who asked for it. */
    public InvoiceCloser by(CommandSender sender) {
        return new InvoiceCloser(sender, invoices, clock);
    }

    /**
     * Drafts the period's invoice, or refreshes its draft when the lines changed; a final invoice is left alone.
     *
     * @return whether a draft was made or changed
     */
    public boolean draft(CustomerBilling billing, BillingPeriod period) {
        Optional<InvoiceRow> live = billing.live(period);
        if (live.isPresent() && live.get().status() != InvoiceStatus.DRAFT) {
            return false;
        }
        List<InvoiceLineData> lines = InvoiceLines.draft(billing.linesFor(period));
        if (live.isPresent() && live.get().lines().equals(lines)) {
            return false;
        }
        CustomerBilling.Target target = billing.target(period);
        commands.dispatch(new DraftInvoice(target.id(), billing.subscription().customer(), period, target.revision(),
                lines, clock.instant()));
        return true;
    }

    /**
     * Finalizes the period's invoice (drafting it in the same command if it has no draft yet) with lines made now.
     *
     * @param early whether the period's late-usage grace is still running
     * @return the finalized invoice's id
     */
    public InvoiceId finalize(CustomerBilling billing, BillingPeriod period, boolean early) {
        CustomerBilling.Target target = billing.target(period);
        InvoiceId id = target.id();
        List<InvoiceLine> lines = billing.linesFor(period);
        FinalizedInvoice finalized = InvoiceFinalizer.finalize(lines);
        try {
            commands.dispatch(new FinalizeInvoice(id, billing.subscription().customer(), period, target.revision(),
                    InvoiceLines.finalized(finalized), finalized.subtotalCents().value(), finalized.discountCents().value(),
                    finalized.totalCents().value(), finalized.amountDueCents().value(), finalized.creditCents().value(),
                    clock.instant(), early));
        } catch (RuntimeException e) {
            // another instance (or an operator) finalized it first: that decision stands
            Optional<InvoiceRow> now = invoices.find(id);
            if (now.isEmpty() || now.get().status() == InvoiceStatus.DRAFT) {
                throw e;
            }
        }
        return id;
    }

    /** Reads {@code invoice} back into {@code billing}, for a later period of the same run to see it. */
    public void refresh(CustomerBilling billing, InvoiceId invoice) {
        invoices.find(invoice).ifPresent(billing::replace);
    }
}
