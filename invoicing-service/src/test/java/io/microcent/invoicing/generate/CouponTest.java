package io.microcent.invoicing.generate;

import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.microcent.invoicing.generate.Fixtures.DEC;
import static io.microcent.invoicing.generate.Fixtures.GROWTH;
import static io.microcent.invoicing.generate.Fixtures.NOV;
import static io.microcent.invoicing.generate.Fixtures.STARTER;
import static io.microcent.invoicing.generate.Fixtures.at;
import static io.microcent.invoicing.generate.Fixtures.expected;
import static io.microcent.invoicing.generate.Fixtures.monthly;
import static io.microcent.invoicing.generate.Fixtures.requests;
import static io.microcent.invoicing.generate.Fixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Coupons on Starter's November 2026 invoice: $29 base fee and 12,000 requests (2,000,000 µ¢ of overage), a
 * subtotal of 31,000,000 µ¢. Coupons are written {@code 10%} or {@code $5}, redeemed in the order given.
 */
class CouponTest {

    private static final Subscription STARTER_FROM_NOVEMBER = monthly(STARTER, "2026-11-01T00:00:00Z");
    private static final List<UsageTotal> NOVEMBER_USAGE = List.of(requests(NOV, 12_000, 2_000_000));

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # scenario,                                       coupons,       discount lines
            ten percent,                                      10%,           discount -3100000
            an exact fraction of a percent,                   12.5%,         discount -3875000
            a tiny percentage: 31 µ¢,                         0.0001%,       discount -31
            a percentage rounded once: 10333333.33,           33.333333333%, discount -10333333
            the whole invoice,                                100%,          discount -31000000
            an amount,                                        $5,            discount -5000000
            an amount larger than the invoice: capped,        $40,           discount -31000000
            two percentages: each of what is left,            10% 10%,       discount -3100000; discount -2790000
            percent-off first whatever the redemption order,  $5 10%,        discount -3100000; discount -5000000
            an amount then another: the second capped,        $30 $5,        discount -30000000; discount -1000000
            nothing left after a 100% coupon,                 100% $5,       discount -31000000
            """)
    void takesFromTheSubtotalInOneOrder(String scenario, String coupons, String discounts) {
        List<InvoiceLine> lines = generate(NOV, redemptions(coupons), List.of());

        assertThat(summary(lines)).isEqualTo("base_fee 29000000; usage 2000000; " + expected(discounts));
        assertThat(InvoiceLine.total(lines).isNegative()).isFalse();
    }

    @Test
    void aDiscountNeverTakesMoreThanTheInvoiceWithItsNegativeAdjustments() {
        List<Invoice> billed = List.of(Invoice.finalized(NOV, generate(NOV, List.of(), List.of())));
        // December: fee 29,000,000, no usage, November corrected down by 500,000: the invoice is 28,500,000
        List<InvoiceLine> lines = InvoiceGenerator.generate(DEC, STARTER_FROM_NOVEMBER,
                List.of(requests(NOV, 11_500, 1_500_000)), redemptions("$40"), billed);

        assertThat(summary(lines)).isEqualTo("base_fee 29000000; usage 0; adjustment -500000; discount -28500000");
        assertThat(InvoiceLine.total(lines)).isEqualTo(Microcents.ZERO);
    }

    @Test
    void aProrationCreditLeavesNothingToDiscount() {
        Subscription downgradedAtOnce = monthly(GROWTH, "2026-11-01T00:00:00Z")
                .withChange(new PlanChange(STARTER, at("2026-11-02T00:00:00Z"), PlanChange.Timing.IMMEDIATELY));
        // 99,000,000 − 95,700,000 + 28,033,333 is positive, so 10 % of it: 3,133,333.3
        assertThat(summary(InvoiceGenerator.generate(NOV, downgradedAtOnce, List.of(), redemptions("10%"), List.of())))
                .isEqualTo("base_fee 99000000; proration -95700000; proration 28033333; usage 0; discount -3133333");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # scenario,                                   duration,     redeemedAt,            periods discounted (of 2026-11 … 2027-03)
            once: the first invoice only,                 once,         2026-11-20T00:00:00Z,  2026-11
            once redeemed in December,                    once,         2026-12-05T00:00:00Z,  2026-12
            three months from November: Nov Dec Jan,      repeating 3,  2026-11-20T00:00:00Z,  2026-11 2026-12 2027-01
            one month from the last second of November,   repeating 1,  2026-11-30T23:59:59Z,  2026-11
            forever,                                      forever,      2026-11-20T00:00:00Z,  2026-11 2026-12 2027-01 2027-02 2027-03
            forever from January,                         forever,      2027-01-01T00:00:00Z,  2027-01 2027-02 2027-03
            """)
    void appliesForItsDuration(String scenario, String duration, String redeemedAt, String discounted) {
        String[] words = duration.split(" ");
        Coupon.Duration parsed = switch (words[0]) {
            case "once" -> new Coupon.Once();
            case "repeating" -> new Coupon.Repeating(Integer.parseInt(words[1]));
            default -> new Coupon.Forever();
        };
        Redemption redemption = Redemption.of("r1", Coupon.of("TEN", Coupon.PercentOff.of("10"), parsed), at(redeemedAt));

        List<Invoice> billed = new ArrayList<>();
        List<String> periods = new ArrayList<>();
        for (BillingPeriod period = NOV; period.compareTo(BillingPeriod.parse("2027-03")) <= 0; period = period.next()) {
            List<InvoiceLine> lines = InvoiceGenerator.generate(period, STARTER_FROM_NOVEMBER, List.of(),
                    List.of(redemption), billed);
            if (lines.stream().anyMatch(line -> line.kind() == LineKind.DISCOUNT)) {
                assertThat(lines.getLast().amountMicrocents()).isEqualTo(Microcents.of(-2_900_000));
                periods.add(period.toString());
            }
            billed.add(Invoice.finalized(period, lines));
        }
        assertThat(periods).containsExactly(discounted.split(" "));
    }

    @Test
    void aRepeatingCouponKeepsItsEndDateNotACount() {
        Redemption redemption = Redemption.of("r1", Coupon.of("TEN", Coupon.PercentOff.of("10"), new Coupon.Repeating(3)),
                at("2026-11-20T00:00:00Z"));

        assertThat(redemption.endsAt()).contains(at("2027-02-01T00:00:00Z"));
        Subscription fromJanuary = monthly(STARTER, "2027-01-01T00:00:00Z");
        assertThat(summary(InvoiceGenerator.generate(BillingPeriod.parse("2027-01"), fromJanuary, List.of(),
                List.of(redemption), List.of())))
                .as("January: inside the dates, though it is the first invoice to use it")
                .isEqualTo("base_fee 29000000; usage 0; discount -2900000");
        assertThat(summary(InvoiceGenerator.generate(BillingPeriod.parse("2027-02"), monthly(STARTER, "2027-02-01T00:00:00Z"),
                List.of(), List.of(redemption), List.of())))
                .as("February: past the end date").isEqualTo("base_fee 29000000; usage 0");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # scenario,                         plans,           intervals,  applies
            every plan and interval,            ,                ,           true
            Starter's,                          starter,         ,           true
            Growth's only,                      growth,          ,           false
            Starter's or Growth's,              starter growth,  ,           true
            monthly subscriptions,              ,                MONTH,      true
            yearly subscriptions only,          ,                YEAR,       false
            Starter's but yearly only,          starter,         YEAR,       false
            """)
    void appliesOnlyWhereRestrictedTo(String scenario, String plans, String intervals, boolean applies) {
        Coupon coupon = new Coupon("TEN", Coupon.PercentOff.of("10"), new Coupon.Forever(),
                plans == null ? Set.of() : Set.copyOf(Arrays.stream(plans.split(" ")).map(PlanId::of).toList()),
                intervals == null ? Set.of() : Set.copyOf(Arrays.stream(intervals.split(" ")).map(BillingInterval::valueOf).toList()));

        List<InvoiceLine> lines = generate(NOV, List.of(Redemption.of("r1", coupon, at("2026-11-01T00:00:00Z"))), List.of());

        assertThat(lines.stream().anyMatch(line -> line.kind() == LineKind.DISCOUNT)).isEqualTo(applies);
    }

    @Test
    void aPlanRestrictionFollowsThePlanTheMonthEndsOn() {
        Subscription upgraded = STARTER_FROM_NOVEMBER.withChange(PlanChange.at(GROWTH, at("2026-11-16T00:00:00Z")));
        Coupon growthOnly = new Coupon("G", new Coupon.AmountOff(Microcents.ofDollars("1")), new Coupon.Forever(),
                Set.of(GROWTH.id()), Set.of());

        assertThat(summary(InvoiceGenerator.generate(NOV, upgraded, List.of(),
                List.of(Redemption.of("r1", growthOnly, at("2026-11-01T00:00:00Z"))), List.of())))
                .endsWith("discount -1000000");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # scenario (the subtotal is 31,000,000 µ¢),     minimum µ¢,  discount lines
            no minimum,                                     ,            discount -3100000
            below the subtotal,                             30000000,    discount -3100000
            exactly the subtotal,                           31000000,    discount -3100000
            one microcent above the subtotal: nothing,      31000001,    -
            """)
    void aPromotionCodesMinimumIsComparedWithTheSubtotalBeforeDiscounts(String scenario, Long minimum, String discounts) {
        Redemption redemption = redemptions("10%").getFirst();
        Redemption withMinimum = minimum == null ? redemption : redemption.withMinimum(Microcents.of(minimum));

        List<InvoiceLine> lines = generate(NOV, List.of(withMinimum), List.of());

        assertThat(summary(lines)).isEqualTo(("base_fee 29000000; usage 2000000; " + expected(discounts)).replaceAll("; $", ""));
    }

    @Test
    void aMinimumIsCheckedBeforeAnyDiscountAndSkipsOnlyItsOwnRedemption() {
        // a 50 % coupon first leaves 15,500,000; the $5 coupon's minimum of 20,000,000 is still reached by the subtotal
        List<Redemption> both = redemptions("50% $5");
        List<InvoiceLine> lines = generate(NOV, List.of(both.get(0), both.get(1).withMinimum(Microcents.of(20_000_000))), List.of());
        assertThat(summary(lines)).endsWith("discount -15500000; discount -5000000");

        List<InvoiceLine> above = generate(NOV, List.of(both.get(0).withMinimum(Microcents.of(40_000_000)), both.get(1)), List.of());
        assertThat(summary(above)).isEqualTo("base_fee 29000000; usage 2000000; discount -5000000");
    }

    @Test
    void aOnceCouponBelowItsMinimumStaysUnusedForTheNextInvoiceThatReachesIt() {
        Redemption once = Redemption.of("r1", Coupon.of("ONCE", Coupon.PercentOff.of("10"), new Coupon.Once()),
                at("2026-11-01T00:00:00Z")).withMinimum(Microcents.of(30_000_000));
        // November: only the 29,000,000 fee; December: the fee and 2,000,000 of usage
        List<InvoiceLine> november = InvoiceGenerator.generate(NOV, STARTER_FROM_NOVEMBER, List.of(), List.of(once), List.of());
        List<InvoiceLine> december = InvoiceGenerator.generate(DEC, STARTER_FROM_NOVEMBER,
                List.of(requests(DEC, 12_000, 2_000_000)), List.of(once), List.of(Invoice.finalized(NOV, november)));

        assertThat(summary(november)).isEqualTo("base_fee 29000000; usage 0");
        assertThat(summary(december)).isEqualTo("base_fee 29000000; usage 2000000; discount -3100000");
    }

    @Test
    void refusesPercentagesOutsideZeroToAHundred() {
        assertThatIllegalArgumentException().isThrownBy(() -> Coupon.PercentOff.of("100.01"));
        assertThatIllegalArgumentException().isThrownBy(() -> Coupon.PercentOff.of("0"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Coupon.AmountOff(Microcents.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> Coupon.PercentOff.of("1e999999999"))
                .withMessageEndingWith("got 1E+999999999");
    }

    private static List<InvoiceLine> generate(BillingPeriod period, List<Redemption> redemptions, List<Invoice> existing) {
        return InvoiceGenerator.generate(period, STARTER_FROM_NOVEMBER, NOVEMBER_USAGE, redemptions, existing);
    }

    /** {@code "10% $5"}: a percent-off and an amount-off coupon, forever, redeemed a second apart in that order. */
    private static List<Redemption> redemptions(String coupons) {
        List<Redemption> redemptions = new ArrayList<>();
        String[] each = coupons.split(" ");
        for (int i = 0; i < each.length; i++) {
            Coupon.Value value = each[i].startsWith("$")
                    ? new Coupon.AmountOff(Microcents.ofDollars(each[i].substring(1)))
                    : Coupon.PercentOff.of(each[i].substring(0, each[i].length() - 1));
            redemptions.add(new Redemption("r" + i, Coupon.of("C" + i, value, new Coupon.Forever()),
                    at("2026-11-01T00:00:00Z").plusSeconds(i), Optional.empty()));
        }
        return redemptions;
    }
}
