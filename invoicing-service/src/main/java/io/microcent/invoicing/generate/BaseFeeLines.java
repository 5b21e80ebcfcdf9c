package io.microcent.invoicing.generate;

import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.plan.Plan;
import io.microcent.model.usage.BillingPeriod;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The base fee lines an invoice owes: for every fee term up to the invoice's, the term's fee on the plan in
 * effect when its coverage starts, and for every plan change inside the term a credit for the old plan's
 * fee over the rest of the term and a charge for the new plan's over the same time. What finalized invoices
 * already billed is left out, so a term's fee, monthly or annual, is billed once.
 */
final class BaseFeeLines {

    private BaseFeeLines() {
    }

    static List<InvoiceLine> owed(BillingPeriod period, Subscription subscription, Billed billed) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (FeeTerm term : subscription.termsUpTo(period)) {
            Optional<Span> coverage = subscription.coverage(term);
            if (coverage.isEmpty()) {
                continue;
            }
            for (InvoiceLine line : ofTerm(term, coverage.get(), period, subscription)) {
                if (!billed.contains(line.item())) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    /** The term's lines billable on the invoice of {@code period}, billed or not. */
    private static List<InvoiceLine> ofTerm(FeeTerm term, Span coverage, BillingPeriod period, Subscription subscription) {
        List<InvoiceLine> lines = new ArrayList<>();
        Plan first = subscription.planAt(coverage.from());
        boolean whole = coverage.seconds() == new Span(term.start(), term.endExclusive()).seconds();
        addIfNotZero(lines, new InvoiceLine(LineKind.BASE_FEE,
                first.name() + ", " + describe(term) + (whole ? "" : " (prorated: " + describe(coverage) + ")"),
                1, Optional.of(termFee(first, term)), Proration.of(first.monthlyFee(), coverage),
                BilledItem.baseFee(term)));
        for (Instant change : changesInside(coverage, subscription)) {
            if (BillingPeriod.containing(change).compareTo(period) > 0) {
                break; // billed on the invoice of the period it happens in
            }
            Plan before = subscription.planAt(change.minusNanos(1));
            Plan after = subscription.planAt(change);
            Span rest = new Span(change, coverage.to());
            addIfNotZero(lines, new InvoiceLine(LineKind.PRORATION,
                    "Unused time on " + before.name() + " (" + describe(rest) + ")",
                    1, Optional.empty(), Microcents.ZERO.minus(Proration.of(before.monthlyFee(), rest)),
                    BilledItem.prorationCredit(change)));
            addIfNotZero(lines, new InvoiceLine(LineKind.PRORATION,
                    "Remaining time on " + after.name() + " (" + describe(rest) + ")",
                    1, Optional.empty(), Proration.of(after.monthlyFee(), rest),
                    BilledItem.prorationCharge(change)));
        }
        return lines;
    }

    /** Instants strictly inside the coverage where the plan changes to another plan, in order. */
    private static TreeSet<Instant> changesInside(Span coverage, Subscription subscription) {
        TreeSet<Instant> changes = new TreeSet<>();
        for (Subscription.PlanTerm planTerm : subscription.planTerms()) {
            Instant at = planTerm.from();
            if (at.isAfter(coverage.from()) && at.isBefore(coverage.to())
                    && !subscription.planAt(at.minusNanos(1)).id().equals(subscription.planAt(at).id())) {
                changes.add(at);
            }
        }
        return changes;
    }

    private static Rate termFee(Plan plan, FeeTerm term) {
        return new Rate(BigDecimal.valueOf(plan.monthlyFee().times(term.months()).value()));
    }

    private static void addIfNotZero(List<InvoiceLine> lines, InvoiceLine line) {
        if (!line.amountMicrocents().isZero()) {
            lines.add(line);
        }
    }

    private static String describe(FeeTerm term) {
        return term.months() == 1 ? term.first().toString() : "annual fee " + term.first() + " to " + term.last();
    }

    private static String describe(Span span) {
        return span.from() + " to " + span.to();
    }
}
