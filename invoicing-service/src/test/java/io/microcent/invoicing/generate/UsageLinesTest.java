package io.microcent.invoicing.generate;

import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.plan.Meter;
import io.microcent.model.plan.pricing.UsagePricer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static io.microcent.invoicing.generate.Fixtures.EVERYTHING;
import static io.microcent.invoicing.generate.Fixtures.NOV;
import static io.microcent.invoicing.generate.Fixtures.STARTER;
import static io.microcent.invoicing.generate.Fixtures.monthly;
import static io.microcent.invoicing.generate.Fixtures.requests;
import static io.microcent.invoicing.generate.Fixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * One usage line per charge of the plan, carrying rating's figure for the period unchanged. The figures here
 * are what rating's pricers make of the quantities (checked against {@link UsagePricer}), on the Everything
 * plan: 1,000 requests included then $0.002; input tokens graduated (2 µ¢ up to 1M, then 1 µ¢); output
 * tokens by volume (8 µ¢ up to 1M, 6 µ¢ beyond for all); total tokens $0.50 per started 100,000; tokens
 * passed through at cost + 20 %.
 */
class UsageLinesTest {

    private static final Subscription EVERYTHING_FROM_NOVEMBER = monthly(EVERYTHING, "2026-11-01T00:00:00Z");

    @ParameterizedTest(name = "{0}: {2} units → {3} µ¢")
    @CsvSource(textBlock = """
            # scenario,                                   charge,         quantity,    charge µ¢, description,                                         unit price µ¢
            allowance: 500 requests beyond 1000,          requests,           1500,    1000000, 'requests, 1000 included, then per unit',              2000
            allowance: all requests included,             requests,            999,          0, 'requests, 1000 included, then per unit',              2000
            graduated: 1M at 2 µ¢ and 0.5M at 1 µ¢,       input_tokens,    1500000,    2500000, 'input_tokens, graduated tiers',
            volume: all 1.2M at the second tier's 6 µ¢,   output_tokens,   1200000,    7200000, 'output_tokens, volume tiers',
            package: 27 started blocks of 100000,         total_tokens,    2700000,   13500000, 'total_tokens, 0 included, then per block of 100000', 500000
            """)
    void billsEachChargeAsRated(String scenario, String charge, long quantity, long chargeMicrocents, String description,
                                Long unitPrice) {
        Meter meter = Meter.fromJsonName(charge);
        assertThat(UsagePricer.of(EVERYTHING.charge(meter).orElseThrow().model()).chargeBetween(0, quantity))
                .as("rating's figure").isEqualTo(Microcents.of(chargeMicrocents));

        List<InvoiceLine> lines = InvoiceGenerator.generate(NOV, EVERYTHING_FROM_NOVEMBER,
                List.of(new UsageTotal(NOV, ChargeKey.of(meter), quantity, Microcents.of(chargeMicrocents))),
                List.of(), List.of());

        InvoiceLine line = lines.stream().filter(l -> l.item().equals(BilledItem.usage(NOV, ChargeKey.of(meter))))
                .findFirst().orElseThrow();
        assertThat(line.kind()).isEqualTo(LineKind.USAGE);
        assertThat(line.amountMicrocents()).isEqualTo(Microcents.of(chargeMicrocents));
        assertThat(line.quantity()).isEqualTo(quantity);
        assertThat(line.description()).isEqualTo("Usage 2026-11: " + description);
        assertThat(line.unitPrice()).isEqualTo(Optional.ofNullable(unitPrice).map(p -> Rate.ofMicrocents(p.toString())));
    }

    @Test
    void theUsageLinesAddUpToThePeriodsRatedChargesExactly() {
        List<UsageTotal> totals = List.of(
                new UsageTotal(NOV, ChargeKey.of(Meter.REQUESTS), 1_500, Microcents.of(1_000_000)),
                new UsageTotal(NOV, ChargeKey.of(Meter.INPUT_TOKENS), 1_500_000, Microcents.of(2_500_000)),
                new UsageTotal(NOV, ChargeKey.of(Meter.OUTPUT_TOKENS), 1_200_000, Microcents.of(7_200_000)),
                new UsageTotal(NOV, ChargeKey.of(Meter.TOTAL_TOKENS), 2_700_000, Microcents.of(13_500_000)),
                new UsageTotal(NOV, ChargeKey.TOKEN_PASS_THROUGH, 2_700_000, Microcents.of(3_600_001)));

        List<InvoiceLine> lines = InvoiceGenerator.generate(NOV, EVERYTHING_FROM_NOVEMBER, totals, List.of(), List.of());

        assertThat(summary(lines)).isEqualTo(
                "base_fee 10000000; usage 1000000; usage 2500000; usage 7200000; usage 13500000; usage 3600001");
        assertThat(InvoiceLine.total(lines.stream().filter(line -> line.kind() == LineKind.USAGE).toList()))
                .isEqualTo(Microcents.of(27_800_001));
        assertThat(lines.getLast().description()).isEqualTo("Usage 2026-11: tokens at provider cost + 20%");
        assertThat(lines.getLast().unitPrice()).isEmpty();
    }

    @Test
    void usageOnAChargeThePlanNoLongerHasStillReachesTheInvoice() {
        UsageTotal fromAnEarlierPlan = new UsageTotal(NOV, ChargeKey.of(Meter.INPUT_TOKENS), 40_000, Microcents.of(80_000));

        List<InvoiceLine> lines = InvoiceGenerator.generate(NOV, monthly(STARTER, "2026-11-01T00:00:00Z"),
                List.of(requests(NOV, 12_000, 2_000_000), fromAnEarlierPlan), List.of(), List.of());

        assertThat(summary(lines)).isEqualTo("base_fee 29000000; usage 2000000; usage 80000");
        assertThat(lines.getLast().description()).isEqualTo("Usage 2026-11: input_tokens (rated on an earlier plan)");
    }

    @Test
    void aPlanWithoutUsageShowsItsChargesAtZero() {
        assertThat(summary(Fixtures.fees(NOV, EVERYTHING_FROM_NOVEMBER)))
                .isEqualTo("base_fee 10000000; usage 0; usage 0; usage 0; usage 0; usage 0");
    }

    @Test
    void laterPeriodsUsageWaitsForItsOwnInvoice() {
        List<InvoiceLine> lines = InvoiceGenerator.generate(NOV, monthly(STARTER, "2026-11-01T00:00:00Z"),
                List.of(requests(NOV, 12_000, 2_000_000), requests(Fixtures.DEC, 11_000, 1_000_000)), List.of(), List.of());

        assertThat(summary(lines)).isEqualTo("base_fee 29000000; usage 2000000");
    }

    @Test
    void refusesTwoTotalsForOneChargeAndPeriod() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                InvoiceGenerator.generate(NOV, monthly(STARTER, "2026-11-01T00:00:00Z"),
                        List.of(requests(NOV, 1, 0), requests(NOV, 2, 0)), List.of(), List.of()))
                .withMessage("two usage totals for requests in 2026-11");
    }
}
