package io.microcent.invoicing.generate;

import io.microcent.model.usage.BillingPeriod;

import java.time.Instant;

/**
 * What one base fee pays for: a month (billing interval {@code month}) or a billing year of twelve months
 * from the subscription's first period ({@code year}). Terms are whole calendar months in UTC, like
 * {@link BillingPeriod}s; the part of a term the subscription covers is {@link Subscription#coverage}.
 *
 * @param first the term's first period: its fee is billed on that period's invoice (or the first one after)
 */
public record FeeTerm(BillingPeriod first, int months) {

    public Instant start() {
        return first.start();
    }

    public Instant endExclusive() {
        return new BillingPeriod(first.month().plusMonths(months)).start();
    }

    public BillingPeriod last() {
        return new BillingPeriod(first.month().plusMonths(months - 1L));
    }

    public boolean contains(BillingPeriod period) {
        return period.compareTo(first) >= 0 && period.compareTo(last()) <= 0;
    }

    public FeeTerm next() {
        return new FeeTerm(new BillingPeriod(first.month().plusMonths(months)), months);
    }
}
