package io.microcent.invoicing.read.reconciliation;

import io.microcent.invoicing.read.invoices.InvoiceRow;
import io.microcent.invoicing.read.invoices.StripeStatuses;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.invoice.InvoiceLineData;
import io.microcent.invoicing.write.invoice.InvoiceStatus;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A period's figures side by side per customer, from rating's sums to what Stripe holds, with every difference
 * named: what a billing operator checks before trusting a month.
 */
public final class Reconciliation {

    /** @param differences codes: {@code usage_not_invoiced}, {@code no_invoice}, {@code stripe_total_differs} */
    public record Customer(String customer, long ratedChargeMicrocents, long usageLinesMicrocents, String invoiceId,
                           String invoiceStatus, Long invoiceTotalMicrocents, Long amountDueCents, String stripeStatus,
                           Long stripeTotalCents, List<String> differences) {
    }

    public record Report(String period, int customers, int withDifferences, long ratedChargeMicrocents,
                         long usageLinesMicrocents, long amountDueCents, List<Customer> rows) {
    }

    private Reconciliation() {
    }

    /**
     * @param rated    Σ rated {@code chargeMicrocents} of the period per customer
     * @param invoices every invoice of the customers that may bill the period's usage: the period's and later ones
     */
    public static Report of(BillingPeriod period, Map<CustomerId, Long> rated, Map<CustomerId, List<InvoiceRow>> invoices,
                            StripeStatuses stripe) {
        TreeSet<CustomerId> customers = new TreeSet<>(java.util.Comparator.comparing(CustomerId::raw));
        customers.addAll(rated.keySet());
        customers.addAll(invoices.keySet());
        Map<InvoiceId, StripeStatuses.StripeStatus> statuses = stripe.ofAll(invoices.values().stream()
                .flatMap(List::stream).filter(invoice -> invoice.period().equals(period)).map(InvoiceRow::id).toList());
        List<Customer> rows = new ArrayList<>();
        long ratedSum = 0;
        long linesSum = 0;
        long dueSum = 0;
        int withDifferences = 0;
        for (CustomerId customer : customers) {
            Customer row = row(period, customer, rated.getOrDefault(customer, 0L), invoices.getOrDefault(customer, List.of()), statuses);
            rows.add(row);
            ratedSum = Math.addExact(ratedSum, row.ratedChargeMicrocents());
            linesSum = Math.addExact(linesSum, row.usageLinesMicrocents());
            dueSum = Math.addExact(dueSum, row.amountDueCents() == null ? 0 : row.amountDueCents());
            withDifferences += row.differences().isEmpty() ? 0 : 1;
        }
        return new Report(period.toString(), rows.size(), withDifferences, ratedSum, linesSum, dueSum, rows);
    }

    private static Customer row(BillingPeriod period, CustomerId customer, long rated, Collection<InvoiceRow> invoices,
                                Map<InvoiceId, StripeStatuses.StripeStatus> stripe) {
        String usageItem = "usage/" + period + "/";
        long billedUsage = 0;
        for (InvoiceRow invoice : invoices) {
            if (invoice.status() == InvoiceStatus.VOID) {
                continue;
            }
            for (InvoiceLineData line : invoice.lines()) {
                if (line.item().startsWith(usageItem)) {
                    billedUsage = Math.addExact(billedUsage, line.amountMicrocents());
                }
            }
        }
        Optional<InvoiceRow> own = invoices.stream()
                .filter(i -> i.period().equals(period) && i.status() != InvoiceStatus.VOID)
                .reduce((first, later) -> later);
        List<String> differences = new ArrayList<>();
        if (billedUsage != rated) {
            differences.add("usage_not_invoiced");
        }
        if (own.isEmpty()) {
            differences.add("no_invoice");
        }
        StripeStatuses.StripeStatus sync = own.map(i -> stripe.get(i.id())).orElse(null);
        Long stripeTotal = sync == null ? null : sync.totalCents();
        Long due = own.map(InvoiceRow::amountDueCents).orElse(null);
        if (stripeTotal != null && due != null && !stripeTotal.equals(due)) {
            differences.add("stripe_total_differs");
        }
        return new Customer(customer.raw(), rated, billedUsage, own.map(i -> i.id().raw()).orElse(null),
                own.map(i -> i.status().jsonName()).orElse(null), own.map(InvoiceRow::totalMicrocents).orElse(null), due,
                sync == null ? null : sync.status(), stripeTotal, List.copyOf(differences));
    }
}
