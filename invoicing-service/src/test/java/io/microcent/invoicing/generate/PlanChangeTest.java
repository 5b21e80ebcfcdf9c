package io.microcent.invoicing.generate;

import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.plan.Plan;
import io.microcent.model.usage.BillingPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.microcent.invoicing.generate.Fixtures.DEC;
import static io.microcent.invoicing.generate.Fixtures.GROWTH;
import static io.microcent.invoicing.generate.Fixtures.NOV;
import static io.microcent.invoicing.generate.Fixtures.STARTER;
import static io.microcent.invoicing.generate.Fixtures.at;
import static io.microcent.invoicing.generate.Fixtures.expected;
import static io.microcent.invoicing.generate.Fixtures.fees;
import static io.microcent.invoicing.generate.Fixtures.monthly;
import static io.microcent.invoicing.generate.Fixtures.summary;
import static io.microcent.invoicing.generate.Fixtures.yearly;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plan changes within a fee term. Starter $29, Growth $99, Scale $299 a month; November 2026 has 30 days, so
 * the 16th at midnight leaves 15 days (half the month), the 11th 20 days, the 21st 10 days.
 */
class PlanChangeTest {

    static final Plan SCALE = Plan.requestAllowance(PlanId.of("scale"), "Scale", Microcents.ofDollars("299"),
            1_000_000, Rate.ofDollars("0.0002"));
    private static final Map<String, Plan> PLANS = Map.of("starter", STARTER, "growth", GROWTH, "scale", SCALE);

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # scenario,                                    from,    to,      timing,      at,                   november; december (after November is final)
            an upgrade at once: credit and charge,         starter, growth,  DEFAULT,     2026-11-16T00:00:00Z, base_fee 29000000; proration -14500000; proration 49500000; usage 0, base_fee 99000000; usage 0
            an upgrade at noon: 31/60 of the month,        starter, growth,  DEFAULT,     2026-11-15T12:00:00Z, base_fee 29000000; proration -14983333; proration 51150000; usage 0, base_fee 99000000; usage 0
            a downgrade waits for the month's end,         growth,  starter, DEFAULT,     2026-11-16T00:00:00Z, base_fee 99000000; usage 0,                                        base_fee 29000000; usage 0
            a downgrade asked for at once,                 growth,  starter, IMMEDIATELY, 2026-11-16T00:00:00Z, base_fee 99000000; proration -49500000; proration 14500000; usage 0, base_fee 29000000; usage 0
            an upgrade asked for at the month's end,       starter, growth,  AT_TERM_END, 2026-11-16T00:00:00Z, base_fee 29000000; usage 0,                                        base_fee 99000000; usage 0
            a change at the first instant: no proration,   starter, growth,  DEFAULT,     2026-11-01T00:00:00Z, base_fee 99000000; usage 0,                                        base_fee 99000000; usage 0
            """)
    void billsTheChangeOnce(String scenario, String from, String to, PlanChange.Timing timing, String changeAt,
                            String november, String december) {
        Subscription subscription = monthly(PLANS.get(from), "2026-11-01T00:00:00Z")
                .withChange(new PlanChange(PLANS.get(to), at(changeAt), timing));

        List<InvoiceLine> novemberLines = fees(NOV, subscription);
        List<Invoice> billed = List.of(Invoice.finalized(NOV, novemberLines));

        assertThat(summary(novemberLines)).isEqualTo(expected(november));
        assertThat(summary(InvoiceGenerator.generate(NOV, subscription, List.of(), List.of(), billed)))
                .as("November generated again after it was finalized: nothing billed twice").isEmpty();
        assertThat(summary(InvoiceGenerator.generate(DEC, subscription, List.of(), List.of(), billed)))
                .isEqualTo(expected(december));
    }

    @Test
    void twoUpgradesInOneMonthChainTheirProrations() {
        Subscription subscription = monthly(STARTER, "2026-11-01T00:00:00Z")
                .withChange(PlanChange.at(SCALE, at("2026-11-21T00:00:00Z")))
                .withChange(PlanChange.at(GROWTH, at("2026-11-11T00:00:00Z")));

        List<InvoiceLine> lines = fees(NOV, subscription);

        // Starter 20/30 back (19,333,333.33), Growth 20/30 (66,000,000); Growth 10/30 back, Scale 10/30 (99,666,666.67)
        assertThat(summary(lines)).isEqualTo(
                "base_fee 29000000; proration -19333333; proration 66000000; proration -33000000; proration 99666667; usage 0");
        assertThat(InvoiceLine.total(lines)).isEqualTo(Microcents.of(142_333_334));
    }

    @Test
    void anUpgradeNamesTheUsageLinesAfterTheNewPlan() {
        Subscription subscription = monthly(STARTER, "2026-11-01T00:00:00Z")
                .withChange(PlanChange.at(GROWTH, at("2026-11-16T00:00:00Z")));

        InvoiceLine usage = fees(NOV, subscription).getLast();

        assertThat(usage.kind()).isEqualTo(LineKind.USAGE);
        assertThat(usage.description()).isEqualTo("Usage 2026-11: requests, 100000 included, then per unit");
        assertThat(usage.unitPrice()).contains(Rate.ofDollars("0.0005"));
    }

    @Test
    void anUpgradeWithinABillingYearCreditsTheRestOfTheYear() {
        Subscription subscription = yearly(STARTER, "2026-11-01T00:00:00Z")
                .withChange(PlanChange.at(GROWTH, at("2027-02-15T00:00:00Z")));
        List<Invoice> billed = new ArrayList<>();
        for (BillingPeriod month = NOV; month.compareTo(BillingPeriod.parse("2027-01")) <= 0; month = month.next()) {
            billed.add(Invoice.finalized(month, InvoiceGenerator.generate(month, subscription, List.of(), List.of(), billed)));
        }
        assertThat(summary(billed.getFirst().lines())).isEqualTo("base_fee 348000000; usage 0");

        // the rest of the year: 14 of February's 28 days and March to October, 8.5 months
        List<InvoiceLine> february = InvoiceGenerator.generate(BillingPeriod.parse("2027-02"), subscription, List.of(),
                List.of(), billed);
        assertThat(summary(february)).isEqualTo("proration -246500000; proration 841500000; usage 0");

        billed.add(Invoice.finalized(BillingPeriod.parse("2027-02"), february));
        assertThat(summary(InvoiceGenerator.generate(BillingPeriod.parse("2027-03"), subscription, List.of(), List.of(),
                billed))).as("not billed again").isEqualTo("usage 0");
    }

    @Test
    void aDowngradeWithinABillingYearWaitsForTheNextYear() {
        Subscription subscription = yearly(GROWTH, "2026-11-01T00:00:00Z")
                .withChange(PlanChange.at(STARTER, at("2027-02-15T00:00:00Z")));

        assertThat(subscription.planAt(at("2027-10-31T23:59:59Z"))).isEqualTo(GROWTH);
        assertThat(subscription.planAt(at("2027-11-01T00:00:00Z"))).isEqualTo(STARTER);
        assertThat(summary(fees(BillingPeriod.parse("2027-02"), subscription)))
                .as("nothing billed yet: the first year on Growth, no proration")
                .isEqualTo("base_fee 1188000000; usage 0");
    }

    @Test
    void anUpgradeLearnedAfterTheMonthWasFinalizedIsBilledOnTheNextInvoice() {
        Subscription before = monthly(STARTER, "2026-11-01T00:00:00Z");
        List<Invoice> billed = List.of(Invoice.finalized(NOV, fees(NOV, before)));
        Subscription upgraded = before.withChange(PlanChange.at(GROWTH, at("2026-11-20T00:00:00Z")));

        // 11 of November's 30 days: Starter's 10,633,333.33 back, Growth's 36,300,000
        assertThat(summary(InvoiceGenerator.generate(DEC, upgraded, List.of(), List.of(), billed)))
                .isEqualTo("proration -10633333; proration 36300000; base_fee 99000000; usage 0");
    }

    @Test
    void aYearlySubscriptionEndingAfterItsFeeWasBilledIsNeitherRefundedNorBilledAgain() {
        Subscription subscription = yearly(STARTER, "2026-11-01T00:00:00Z");
        List<Invoice> billed = List.of(Invoice.finalized(NOV, fees(NOV, subscription)));

        assertThat(summary(InvoiceGenerator.generate(DEC, subscription.endingAt(at("2027-05-01T00:00:00Z")), List.of(),
                List.of(), billed))).isEqualTo("usage 0");
    }
}
