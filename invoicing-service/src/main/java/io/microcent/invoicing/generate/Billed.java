package io.microcent.invoicing.generate;

import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the finalized invoices of a subscription billed, item by item. Drafts bill nothing. */
final class Billed {

    private final Map<BilledItem, Microcents> amounts = new HashMap<>();
    private final Map<BilledItem, Long> quantities = new HashMap<>();

    private Billed() {
    }

    /**
     * @throws IllegalStateException when an invoice of a period before {@code period} is still a draft: its
     *                               items would be billed twice, once on it and once on this one
     */
    static Billed by(List<Invoice> invoices, BillingPeriod period) {
        Billed billed = new Billed();
        for (Invoice invoice : invoices) {
            if (invoice.status() == Invoice.Status.DRAFT) {
                if (invoice.period().compareTo(period) < 0) {
                    throw new IllegalStateException("the invoice of " + invoice.period()
                            + " is still a draft: finalize invoices in period order before generating " + period);
                }
                continue;
            }
            for (InvoiceLine line : invoice.lines()) {
                billed.amounts.merge(line.item(), line.amountMicrocents(), Microcents::plus);
                billed.quantities.merge(line.item(), line.quantity(), Math::addExact);
            }
        }
        return billed;
    }

    boolean contains(BilledItem item) {
        return amounts.containsKey(item);
    }

    /** What was billed for {@code item} in all, if it was billed. */
    Optional<Microcents> amount(BilledItem item) {
        return Optional.ofNullable(amounts.get(item));
    }

    /** The quantity billed for {@code item} in all (0 when not billed): usage lines and their adjustments add up. */
    long quantity(BilledItem item) {
        return quantities.getOrDefault(item, 0L);
    }

    boolean hasDiscountOf(String redemptionId) {
        return amounts.keySet().stream().anyMatch(item -> item.isDiscountOf(redemptionId));
    }
}
