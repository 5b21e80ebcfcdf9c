package io.microcent.invoicing.read.invoices;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A period's invoices at a glance: per status how many and what they add up to, and per Stripe status how many
 * (what needs attention: {@code pending} for long, {@code failed}).
 */
public record PeriodSummary(String period, List<StatusTotals> statuses, List<StripeCount> stripe) {

    /**
     * @param totalMicrocents the exact totals summed
     * @param amountDueCents  the amounts due summed; {@code null} for drafts, whose cents are not fixed yet
     */
    public record StatusTotals(String status, int count, long totalMicrocents,
                               @JsonInclude(JsonInclude.Include.ALWAYS) Long amountDueCents) {
    }

    public record StripeCount(String stripeStatus, int count) {
    }

    public PeriodSummary {
        statuses = List.copyOf(statuses);
        stripe = List.copyOf(stripe);
    }
}
