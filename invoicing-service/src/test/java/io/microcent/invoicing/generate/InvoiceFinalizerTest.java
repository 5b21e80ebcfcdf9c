package io.microcent.invoicing.generate;

import io.microcent.model.money.Cents;
import io.microcent.model.money.Microcents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.microcent.invoicing.generate.Fixtures.GROWTH;
import static io.microcent.invoicing.generate.Fixtures.NOV;
import static io.microcent.invoicing.generate.Fixtures.STARTER;
import static io.microcent.invoicing.generate.Fixtures.at;
import static io.microcent.invoicing.generate.Fixtures.monthly;
import static org.assertj.core.api.Assertions.assertThat;

/** Cents once, at finalization: 1¢ = 10,000 µ¢, each line rounded half-even, totals summed from the rounded lines. */
class InvoiceFinalizerTest {

    /**
     * Lines written {@code kind:µ¢}; {@code d} a discount, {@code f} any other line. Expected: the lines in cents,
     * then subtotal, discount, total, amount due, credit.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # scenario,                                          lines (µ¢),                  cents per line,   subtotal, discount, total, due, credit
            whole cents,                                         f:29000000 f:2000000,         2900 200,         3100,     0,        3100,  3100, 0
            half a cent rounds to even: down,                    f:5000 f:25000,               0 2,              2,        0,        2,     2,    0
            half a cent rounds to even: up,                      f:15000 f:35000,              2 4,              6,        0,        6,     6,    0
            just over half a cent rounds up,                     f:5001,                       1,                1,        0,        1,     1,    0
            negative amounts round symmetrically,                f:25000 f:-5001 f:-15000,     2 -1 -2,          -1,       0,        -1,    0,    1
            due is the sum of rounded lines not round of sum,    f:6000 f:6000 f:6000,         1 1 1,            3,        0,        3,     3,    0
            a prorated fee,                                      f:14983333 f:0,               1498 0,           1498,     0,        1498,  1498, 0
            a discount mirrors its line to the cent,             f:14983333 d:-14983333,       1498 -1498,       1498,     1498,     0,     0,    0
            a discount a cent above the rounded lines gives it back, f:5000 f:5000 f:5000 d:-15000, 0 0 0 0,      0,        0,        0,     0,    0
            only the excess is given back,                       f:15000 f:5000 f:5000 d:-25000, 2 0 0 -2,       2,        2,        0,     0,    0
            the last discount gives back first,                  f:5000 f:5000 f:5000 d:-10000 d:-5000, 0 0 0 0 0, 0,      0,        0,     0,    0
            credits larger than the charges: a credit not a debt, f:99000000 f:-49500000 f:-55000000, 9900 -4950 -5500, -550, 0,  -550,  0,    550
            """)
    void roundsEachLineOnceAndAddsTheRoundedLines(String scenario, String lines, String centsPerLine, long subtotal,
                                                  long discount, long total, long due, long credit) {
        List<InvoiceLine> exact = new ArrayList<>();
        for (String line : lines.split(" ")) {
            String[] parts = line.split(":");
            LineKind kind = parts[0].equals("d") ? LineKind.DISCOUNT : LineKind.BASE_FEE;
            exact.add(new InvoiceLine(kind, "a line", 1, Optional.empty(), Microcents.of(Long.parseLong(parts[1])),
                    new BilledItem("item-" + exact.size())));
        }

        FinalizedInvoice invoice = InvoiceFinalizer.finalize(exact);

        assertThat(invoice.lines()).extracting(line -> line.amountCents().value())
                .containsExactlyElementsOf(Arrays.stream(centsPerLine.split(" ")).map(Long::valueOf).toList());
        assertThat(invoice.lines()).extracting(RoundedLine::line).as("the exact amounts stay").isEqualTo(exact);
        assertThat(invoice.subtotalCents()).isEqualTo(Cents.of(subtotal));
        assertThat(invoice.discountCents()).isEqualTo(Cents.of(discount));
        assertThat(invoice.totalCents()).isEqualTo(Cents.of(total));
        assertThat(invoice.amountDueCents()).isEqualTo(Cents.of(due));
        assertThat(invoice.creditCents()).isEqualTo(Cents.of(credit));
        assertThat(invoice.lines().stream().mapToLong(line -> line.amountCents().value()).sum())
                .as("the lines a customer reads add up to the total").isEqualTo(total);
    }

    @Test
    void anUpgradedMonthWithACouponAndUsageEndToEnd() {
        Subscription subscription = monthly(STARTER, "2026-11-01T00:00:00Z")
                .withChange(PlanChange.at(GROWTH, at("2026-11-15T12:00:00Z")));
        List<UsageTotal> usage = List.of(Fixtures.requests(NOV, 100_123, 61_500));
        List<Redemption> coupon = List.of(Redemption.of("r1",
                Coupon.of("SAVE", Coupon.PercentOff.of("12.5"), new Coupon.Once()), at("2026-11-01T00:00:00Z")));

        List<InvoiceLine> lines = InvoiceGenerator.generate(NOV, subscription, usage, coupon, List.of());
        FinalizedInvoice invoice = InvoiceFinalizer.finalize(lines);

        // 29,000,000 − 14,983,333 + 51,150,000 + 61,500 = 65,228,167; 12.5 % of it = 8,153,520.875 → 8,153,521
        assertThat(lines).extracting(line -> line.amountMicrocents().value())
                .containsExactly(29_000_000L, -14_983_333L, 51_150_000L, 61_500L, -8_153_521L);
        assertThat(invoice.lines()).extracting(line -> line.amountCents().value())
                .containsExactly(2900L, -1498L, 5115L, 6L, -815L);
        assertThat(invoice.subtotalCents()).isEqualTo(Cents.of(6523));
        assertThat(invoice.discountCents()).isEqualTo(Cents.of(815));
        assertThat(invoice.amountDueCents()).isEqualTo(Cents.of(5708));
        assertThat(Cents.roundedFrom(InvoiceLine.total(lines)))
                .as("rounding the exact total instead would be a cent off").isEqualTo(Cents.of(5707));
    }
}
