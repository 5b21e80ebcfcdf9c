package io.microcent.invoicing.generate;

import io.microcent.model.plan.Plan;
import io.microcent.model.usage.BillingPeriod;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a subscription's invoice for a period, as a pure function of what is known now: the
 * subscription, rating's usage totals, the redeemed coupons and the invoices already made.
 *
 * <p>Like Kill Bill's generator it computes everything the subscription owes up to the period and leaves out
 * what finalized invoices already billed, item by item ({@link BilledItem}). So running it again is safe: a
 * fee or a period's usage is never billed twice, and usage rating added after an invoice was finalized (an
 * early finalize within the grace window, a correction) is never lost: it becomes an {@code adjustment} of
 * the difference on the next invoice. Pass every invoice of the subscription; finalize them in period order.
 *
 * <p>Lines, in order: base fees and prorations ({@link BaseFeeLines}), usage and adjustments
 * ({@link UsageLines}), discounts ({@link DiscountLines}). Amounts are exact microcents; cents come at
 * {@link InvoiceFinalizer#finalize}.
 */
public final class InvoiceGenerator {

    private InvoiceGenerator() {
    }

    /**
     * @param usage        rating's current totals per charge, for the period and any earlier period that may
     *                     have changed since its invoice
     * @param existing     every invoice made for the subscription (drafts are replaced, so they count for nothing)
     * @throws IllegalStateException when an earlier period's invoice is still a draft
     */
    public static List<InvoiceLine> generate(BillingPeriod period, Subscription subscription, List<UsageTotal> usage,
                                             List<Redemption> redemptions, List<Invoice> existing) {
        Billed billed = Billed.by(existing, period);
        Plan plan = planOfPeriod(period, subscription);
        List<InvoiceLine> lines = new ArrayList<>(BaseFeeLines.owed(period, subscription, billed));
        lines.addAll(UsageLines.owed(period, plan, usage, billed));
        lines.addAll(DiscountLines.owed(period, plan, subscription.interval(), redemptions, lines, billed));
        return List.copyOf(lines);
    }

    /** The plan the subscription is on at the end of the part of {@code period} it covers. */
    static Plan planOfPeriod(BillingPeriod period, Subscription subscription) {
        Instant end = subscription.endsAt()
                .filter(ends -> ends.isBefore(period.endExclusive()))
                .orElse(period.endExclusive());
        return subscription.planAt(end.minusNanos(1));
    }
}
