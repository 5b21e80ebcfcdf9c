package io.microcent.invoicing.stripe;

import com.stripe.model.Invoice;
import io.microcent.invoicing.stripe.StripeSyncRows.SyncLine;
import io.microcent.invoicing.stripe.StripeSyncRows.SyncRow;
import io.microcent.invoicing.write.invoice.InvoiceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;

/**
 * One sync pass of one leased invoice: (a) the customer's Stripe customer, (b) a draft Stripe invoice that takes no
 * pending items, (c) one invoice item per line, (d) finalizing it. Each Stripe id is recorded as soon as it is
 * known, and each request's key is derived from our ids and the row's key version, so a pass interrupted at any
 * point creates nothing twice when run again: with the same keys Stripe replays its answers; after a failure (new
 * keys) the pass first looks up what Stripe already has (the customer's invoices by our invoice id, the invoice's
 * lines by line index) and continues from there.
 */
final class InvoiceSync {

    /** Where a pass stands; a {@link Probe} sees each step done (tests stop a worker there). */
    enum Step { CUSTOMER, INVOICE, ITEM, FINALIZE }

    @FunctionalInterface
    interface Probe {
        Probe NONE = (invoice, step) -> {
        };

        void done(InvoiceId invoice, Step step);
    }

    private static final Logger log = LoggerFactory.getLogger(InvoiceSync.class);

    private final StripeSyncRows rows;
    private final StripeCalls calls;
    private final StripeCustomerSync customers;
    private final Clock clock;
    private final Probe probe;

    InvoiceSync(StripeSyncRows rows, StripeCalls calls, StripeCustomerSync customers, Clock clock, Probe probe) {
        this.rows = rows;
        this.calls = calls;
        this.customers = customers;
        this.clock = clock;
        this.probe = probe;
    }

    /** Runs the pass of {@code invoice}, leased by {@code owner}; on success the row is {@code synced}. */
    void run(InvoiceId invoice, String owner) throws StripeCallFailed {
        SyncRow row = rows.load(invoice);
        String mismatch = LineSums.mismatch(row.lines().stream().map(SyncLine::amountCents).toList(), row.amountDueCents());
        if (mismatch != null) { // Stripe would collect another amount than the invoice says: never sent
            throw StripeCallFailed.refused(mismatch);
        }
        int version = row.keyVersion();
        boolean lookUpFirst = version > 0; // an earlier pass failed or was interrupted: Stripe may hold more than we know

        if (row.stripeCustomerId() == null) {
            row = row.withStripeCustomer(customers.ensure(row.customer()));
            rows.recordCustomer(invoice, owner, row.stripeCustomerId());
        }
        probe.done(invoice, Step.CUSTOMER);

        Invoice stripeInvoice = null;
        String stripeInvoiceId = row.stripeInvoiceId();
        if (stripeInvoiceId == null && lookUpFirst) {
            stripeInvoice = calls.findInvoice(row, StripeKeys.lookup(invoice, "invoice", version)).orElse(null);
        } else if (stripeInvoiceId != null && lookUpFirst) {
            stripeInvoice = calls.retrieveInvoice(stripeInvoiceId, StripeKeys.lookup(invoice, "invoice", version));
        }
        if (stripeInvoice == null && stripeInvoiceId == null) {
            stripeInvoice = calls.createInvoice(row, StripeKeys.invoice(invoice, version));
        }
        if (stripeInvoiceId == null) {
            stripeInvoiceId = stripeInvoice.getId();
            rows.recordInvoice(invoice, owner, stripeInvoiceId);
        }
        probe.done(invoice, Step.INVOICE);

        Invoice finalized;
        if (stripeInvoice != null && !"draft".equals(stripeInvoice.getStatus())) {
            finalized = stripeInvoice; // finalized by an earlier pass whose answer we did not get
        } else {
            addItems(row, stripeInvoiceId, lookUpFirst);
            finalized = calls.finalizeInvoice(stripeInvoiceId, StripeKeys.finalize(invoice, version));
        }
        probe.done(invoice, Step.FINALIZE);

        long total = finalized.getTotal() == null ? 0 : finalized.getTotal();
        long amountDue = finalized.getAmountDue() == null ? 0 : finalized.getAmountDue();
        if (total != row.amountDueCents()) {
            log.warn("Stripe invoice {} of invoice {} totals {} cents, ours {}: see reconciliation",
                    stripeInvoiceId, invoice, total, row.amountDueCents());
        }
        rows.synced(invoice, owner, total, amountDue, clock.instant());
        log.info("invoice {} synced to Stripe invoice {} ({} cents)", invoice, stripeInvoiceId, total);
    }

    private void addItems(SyncRow row, String stripeInvoiceId, boolean lookUpFirst) throws StripeCallFailed {
        InvoiceId invoice = row.invoice();
        Map<Integer, String> onStripe = lookUpFirst
                ? calls.itemsOnInvoice(stripeInvoiceId, StripeKeys.lookup(invoice, "items", row.keyVersion()))
                : Map.of();
        for (SyncLine line : row.lines()) {
            String item = line.stripeItemId() != null ? line.stripeItemId() : onStripe.get(line.index());
            if (item == null) {
                item = calls.createItem(row, stripeInvoiceId, line, StripeKeys.item(invoice, line.index(), row.keyVersion())).getId();
            }
            if (line.stripeItemId() == null) {
                rows.recordItem(invoice, line.index(), item);
            }
            probe.done(invoice, Step.ITEM);
        }
    }
}
