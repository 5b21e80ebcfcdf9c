package io.microcent.invoicing.billing;

import io.microcent.invoicing.generate.Invoice;
import io.microcent.invoicing.generate.InvoiceGenerator;
import io.microcent.invoicing.generate.InvoiceLine;
import io.microcent.invoicing.generate.Redemption;
import io.microcent.invoicing.generate.Subscription;
import io.microcent.invoicing.generate.UsageTotal;
import io.microcent.invoicing.read.invoices.InvoiceRow;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.invoice.InvoiceStatus;
import io.microcent.model.usage.BillingPeriod;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One customer's billing inputs, as read for one run: the subscription, rating's totals, the redemptions and the
 * invoices made so far. It answers what the generator owes for a period and which invoice of the period is live.
 */
public final class CustomerBilling {

    private final Subscription subscription;
    private final List<UsageTotal> usage;
    private final List<Redemption> redemptions;
    private final List<InvoiceRow> invoices;

    public CustomerBilling(Subscription subscription, List<UsageTotal> usage, List<Redemption> redemptions,
                           List<InvoiceRow> invoices) {
        this.subscription = subscription;
        this.usage = List.copyOf(usage);
        this.redemptions = List.copyOf(redemptions);
        this.invoices = new ArrayList<>(invoices);
    }

    public Subscription subscription() {
        return subscription;
    }

    /** The generator's lines for {@code period} against the invoices made so far (void ones bill nothing). */
    public List<InvoiceLine> linesFor(BillingPeriod period) {
        List<Invoice> made = invoices.stream()
                .filter(row -> row.status() != InvoiceStatus.VOID)
                .filter(row -> !(row.period().equals(period) && row.status() == InvoiceStatus.DRAFT))
                .map(InvoiceRow::toGenerator)
                .toList();
        return InvoiceGenerator.generate(period, subscription, usage, redemptions, made);
    }

    /**
     * The lines {@code period}'s invoice would have if every earlier draft were finalized as it stands: the
     * upcoming invoice, before an earlier period is closed.
     */
    public List<InvoiceLine> previewLinesFor(BillingPeriod period) {
        List<Invoice> made = invoices.stream()
                .filter(row -> row.status() != InvoiceStatus.VOID && row.period().compareTo(period) < 0)
                .map(row -> new Invoice(row.period(), Invoice.Status.FINALIZED, row.toGenerator().lines()))
                .toList();
        return InvoiceGenerator.generate(period, subscription, usage, redemptions, made);
    }

    /** The period's invoice that is not void, if one exists. */
    public Optional<InvoiceRow> live(BillingPeriod period) {
        return invoices.stream()
                .filter(row -> row.period().equals(period) && row.status() != InvoiceStatus.VOID)
                .reduce((first, later) -> later);
    }

    /** An invoice of a period: its id and revision. */
    public record Target(InvoiceId id, int revision) {
    }

    /** The period's live invoice, or the one it takes next: revision 0, or one past the last (void) revision. */
    public Target target(BillingPeriod period) {
        return live(period).map(row -> new Target(row.id(), row.revision())).orElseGet(() -> {
            int revision = nextRevision(period);
            return new Target(InvoiceId.of(subscription.customer(), period, revision), revision);
        });
    }

    public int nextRevision(BillingPeriod period) {
        return invoices.stream().filter(row -> row.period().equals(period))
                .mapToInt(row -> row.revision() + 1).max().orElse(0);
    }

    /** Periods before {@code period} whose invoice is still a draft, oldest first. */
    public List<BillingPeriod> earlierDrafts(BillingPeriod period) {
        return invoices.stream()
                .filter(row -> row.status() == InvoiceStatus.DRAFT && row.period().compareTo(period) < 0)
                .map(InvoiceRow::period).distinct().sorted().toList();
    }

    /** Records what this run decided, so later periods of the same run see it. */
    public void replace(InvoiceRow updated) {
        invoices.removeIf(row -> row.id().equals(updated.id()));
        invoices.add(updated);
    }
}
