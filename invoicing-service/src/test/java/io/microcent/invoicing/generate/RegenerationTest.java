package io.microcent.invoicing.generate;

import io.microcent.model.money.Microcents;
import io.microcent.model.plan.Meter;
import io.microcent.model.usage.BillingPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.microcent.invoicing.generate.Fixtures.DEC;
import static io.microcent.invoicing.generate.Fixtures.JAN;
import static io.microcent.invoicing.generate.Fixtures.NOV;
import static io.microcent.invoicing.generate.Fixtures.STARTER;
import static io.microcent.invoicing.generate.Fixtures.monthly;
import static io.microcent.invoicing.generate.Fixtures.requests;
import static io.microcent.invoicing.generate.Fixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Generating again against the invoices already made: nothing billed twice, nothing lost. Starter, $29 a
 * month from November 2026; 10,000 requests included, then 1,000 µ¢ each.
 */
class RegenerationTest {

    private static final Subscription STARTER_FROM_NOVEMBER = monthly(STARTER, "2026-11-01T00:00:00Z");

    @Test
    void anEarlyFinalizeThenLateUsage_theDifferenceIsAnAdjustmentOnTheNextInvoice() {
        // November finalized early (within the grace window) with 12,000 requests; 500 more arrive for November
        List<InvoiceLine> november = generate(NOV, List.of(requests(NOV, 12_000, 2_000_000)), List.of());
        List<Invoice> billed = new ArrayList<>(List.of(Invoice.finalized(NOV, november)));
        List<UsageTotal> now = List.of(requests(NOV, 12_500, 2_500_000), requests(DEC, 3_000, 0));

        assertThat(summary(generate(NOV, now, billed))).as("November again: only the difference").isEqualTo("adjustment 500000");
        List<InvoiceLine> december = generate(DEC, now, billed);
        assertThat(summary(december)).isEqualTo("base_fee 29000000; usage 0; adjustment 500000");
        assertThat(december.getLast().description()).isEqualTo("Usage 2026-11: requests not billed before");
        assertThat(december.getLast().quantity()).as("the 500 late requests").isEqualTo(500);

        billed.add(Invoice.finalized(DEC, december));
        assertThat(summary(generate(JAN, now, billed))).as("the adjustment is billed once").isEqualTo("base_fee 29000000; usage 0");
    }

    @Test
    void aCorrectionThatLowersAPeriodIsANegativeAdjustment() {
        List<Invoice> billed = List.of(Invoice.finalized(NOV, generate(NOV, List.of(requests(NOV, 12_500, 2_500_000)), List.of())));

        assertThat(summary(generate(DEC, List.of(requests(NOV, 12_400, 2_400_000)), billed)))
                .isEqualTo("base_fee 29000000; usage 0; adjustment -100000");
    }

    /**
     * Rating's November total as seen at each run, one run per period from November on, each invoice
     * finalized before the next: whatever the arrivals, what all invoices bill for November is its last total.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # scenario,                                  November's total at each run (µ¢),  November's amount on each invoice
            no late usage,                               2000000 2000000 2000000,            2000000 0 0
            late usage after the first run,              2000000 2500000 2500000,            2000000 500000 0
            late usage twice,                            2000000 2500000 2600000,            2000000 500000 100000
            a correction down then up,                   2500000 2400000 2500000,            2500000 -100000 100000
            usage only after the first invoice,          0 700000 700000,                    0 700000 0
            """)
    void whatAllInvoicesBillForAPeriodIsItsLatestTotal(String scenario, String totals, String onEachInvoice) {
        long[] seen = Arrays.stream(totals.split(" ")).mapToLong(Long::parseLong).toArray();
        List<Invoice> billed = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        BillingPeriod period = NOV;
        for (long total : seen) {
            List<InvoiceLine> lines = generate(period, List.of(requests(NOV, 0, total)), billed);
            amounts.add(InvoiceLine.total(lines.stream()
                    .filter(line -> line.item().equals(BilledItem.usage(NOV, ChargeKey.of(Meter.REQUESTS))))
                    .toList()).value());
            billed.add(Invoice.finalized(period, lines));
            period = period.next();
        }
        assertThat(amounts).containsExactlyElementsOf(Arrays.stream(onEachInvoice.split(" ")).map(Long::valueOf).toList());
        assertThat(amounts.stream().mapToLong(Long::longValue).sum()).isEqualTo(seen[seen.length - 1]);
    }

    @Test
    void usageOfAPeriodNoInvoiceBilledIsNotLost() {
        assertThat(summary(generate(DEC, List.of(requests(NOV, 11_000, 1_000_000)), List.of())))
                .as("no November invoice: its fee and its usage on December's")
                .isEqualTo("base_fee 29000000; base_fee 29000000; usage 0; adjustment 1000000");
    }

    @Test
    void generatingTwiceWithoutFinalizingGivesTheSameLines() {
        List<UsageTotal> usage = List.of(requests(NOV, 12_000, 2_000_000));
        List<InvoiceLine> first = generate(NOV, usage, List.of());
        List<Invoice> draft = List.of(new Invoice(NOV, Invoice.Status.DRAFT, first));

        assertThat(generate(NOV, usage, draft)).as("a draft is replaced, not counted").isEqualTo(first);
    }

    @Test
    void refusesToGenerateWhileAnEarlierInvoiceIsADraft() {
        List<Invoice> draft = List.of(new Invoice(NOV, Invoice.Status.DRAFT, generate(NOV, List.of(), List.of())));

        assertThatIllegalStateException().isThrownBy(() -> generate(DEC, List.of(), draft))
                .withMessage("the invoice of 2026-11 is still a draft: finalize invoices in period order before generating 2026-12");
    }

    @Test
    void aFinalizedPeriodGeneratedAgainBillsNothing() {
        List<UsageTotal> usage = List.of(requests(NOV, 12_000, 2_000_000));
        List<Invoice> billed = List.of(Invoice.finalized(NOV, generate(NOV, usage, List.of())));

        assertThat(generate(NOV, usage, billed)).isEmpty();
        assertThat(InvoiceLine.total(billed.getFirst().lines())).isEqualTo(Microcents.of(31_000_000));
    }

    private static List<InvoiceLine> generate(BillingPeriod period, List<UsageTotal> usage, List<Invoice> existing) {
        return InvoiceGenerator.generate(period, STARTER_FROM_NOVEMBER, usage, List.of(), existing);
    }
}
