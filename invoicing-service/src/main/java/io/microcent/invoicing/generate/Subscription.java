package io.microcent.invoicing.generate;

import io.microcent.model.id.CustomerId;
import io.microcent.model.plan.Plan;
import io.microcent.model.usage.BillingPeriod;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's subscription as the generator sees it: the plan it started on, the changes asked for since,
 * and when billing starts and (if known) ends. The billing interval is the subscription's; changing it is
 * a new subscription.
 *
 * @param billingStartsAt the first instant the base fee pays for; a mid-month start prorates the first period
 * @param endsAt          the first instant no longer paid for, if the subscription ends
 * @param changes         plan changes in any order; {@link #planTerms()} resolves when each takes effect
 */
public record Subscription(CustomerId customer, Plan plan, BillingInterval interval, Instant billingStartsAt,
                           Optional<Instant> endsAt, List<PlanChange> changes) {

    public Subscription {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(billingStartsAt, "billingStartsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        changes = List.copyOf(changes);
        if (endsAt.isPresent() && !endsAt.get().isAfter(billingStartsAt)) {
            throw new IllegalArgumentException("a subscription must end after billing starts");
        }
    }

    /** From {@code billingStartsAt} on one plan, open-ended, no changes. */
    public static Subscription of(CustomerId customer, Plan plan, BillingInterval interval, Instant billingStartsAt) {
        return new Subscription(customer, plan, interval, billingStartsAt, Optional.empty(), List.of());
    }

    public Subscription endingAt(Instant end) {
        return new Subscription(customer, plan, interval, billingStartsAt, Optional.of(end), changes);
    }

    public Subscription withChange(PlanChange change) {
        List<PlanChange> more = new ArrayList<>(changes);
        more.add(change);
        return new Subscription(customer, plan, interval, billingStartsAt, endsAt, more);
    }

    /** The period billing starts in: billing years count from it. */
    public BillingPeriod firstPeriod() {
        return BillingPeriod.containing(billingStartsAt);
    }

    /** The fee term {@code period} falls in, or empty before the subscription's first period. */
    public Optional<FeeTerm> termOf(BillingPeriod period) {
        BillingPeriod first = firstPeriod();
        if (period.compareTo(first) < 0) {
            return Optional.empty();
        }
        long monthsIn = first.month().until(period.month(), ChronoUnit.MONTHS);
        long termIndex = monthsIn / interval.months();
        return Optional.of(new FeeTerm(new BillingPeriod(first.month().plusMonths(termIndex * interval.months())),
                interval.months()));
    }

    /** Every fee term from the first period to the one {@code period} falls in, oldest first. */
    public List<FeeTerm> termsUpTo(BillingPeriod period) {
        List<FeeTerm> terms = new ArrayList<>();
        Optional<FeeTerm> last = termOf(period);
        if (last.isEmpty()) {
            return terms;
        }
        for (FeeTerm term = termOf(firstPeriod()).orElseThrow(); term.first().compareTo(last.get().first()) <= 0;
             term = term.next()) {
            terms.add(term);
        }
        return terms;
    }

    /** The part of {@code term} the subscription pays for, or empty when it covers none of it. */
    public Optional<Span> coverage(FeeTerm term) {
        Instant from = max(term.start(), billingStartsAt);
        Instant to = endsAt.map(end -> min(end, term.endExclusive())).orElse(term.endExclusive());
        return from.isBefore(to) ? Optional.of(new Span(from, to)) : Optional.empty();
    }

    /**
     * The plan from each change on, oldest first, starting with {@link #plan()} at {@code billingStartsAt}.
     * Changes are resolved in the order they were asked for; a default-timed one is an upgrade when its plan's
     * monthly fee is higher than the fee of the plan in effect when it was asked.
     */
    public List<PlanTerm> planTerms() {
        List<PlanTerm> terms = new ArrayList<>();
        terms.add(new PlanTerm(plan, billingStartsAt));
        List<PlanChange> byRequest = changes.stream().sorted(Comparator.comparing(PlanChange::requestedAt)).toList();
        for (PlanChange change : byRequest) {
            terms.add(new PlanTerm(change.plan(), effectiveAt(change, planAt(terms, change.requestedAt()))));
            terms.sort(Comparator.comparing(PlanTerm::from)); // stable: equal times keep request order
        }
        return List.copyOf(terms);
    }

    /**
     * When {@code change} would take effect if it were asked for after every change of this subscription,
     * by the rules of {@link #planTerms()}: what a plan-change decision records.
     */
    public Instant effectiveAt(PlanChange change) {
        return effectiveAt(change, planAt(change.requestedAt()));
    }

    private Instant effectiveAt(PlanChange change, Plan current) {
        Instant effective = switch (change.timing()) {
            case IMMEDIATELY -> change.requestedAt();
            case AT_TERM_END -> termEnd(change.requestedAt());
            case DEFAULT -> change.plan().monthlyFee().isGreaterThan(current.monthlyFee())
                    ? change.requestedAt() : termEnd(change.requestedAt());
        };
        return max(effective, billingStartsAt);
    }

    /** The plan in effect at {@code at} (the initial plan before billing starts). */
    public Plan planAt(Instant at) {
        return planAt(planTerms(), at);
    }

    private static Plan planAt(List<PlanTerm> terms, Instant at) {
        Plan plan = terms.getFirst().plan();
        for (PlanTerm term : terms) {
            if (!term.from().isAfter(at)) {
                plan = term.plan();
            }
        }
        return plan;
    }

    private Instant termEnd(Instant at) {
        return termOf(BillingPeriod.containing(max(at, billingStartsAt))).orElseThrow().endExclusive();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** A plan in effect from {@code from} until the next term. */
    public record PlanTerm(Plan plan, Instant from) {
    }
}
