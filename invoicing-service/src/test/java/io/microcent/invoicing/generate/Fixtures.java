package io.microcent.invoicing.generate;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.plan.Charge;
import io.microcent.model.plan.ChargeModel;
import io.microcent.model.plan.Meter;
import io.microcent.model.plan.Plan;
import io.microcent.model.plan.Tier;
import io.microcent.model.plan.TokenPassThrough;
import io.microcent.model.usage.BillingPeriod;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Plans, subscriptions and a compact view of lines for the generator's tables. */
final class Fixtures {

    static final CustomerId ACME = CustomerId.of("acme");

    /** $29 a month; 10,000 requests included, then $0.001 each. */
    static final Plan STARTER = Plan.requestAllowance(PlanId.of("starter"), "Starter", Microcents.ofDollars("29"),
            10_000, Rate.ofDollars("0.001"));

    /** $99 a month; 100,000 requests included, then $0.0005 each. */
    static final Plan GROWTH = Plan.requestAllowance(PlanId.of("growth"), "Growth", Microcents.ofDollars("99"),
            100_000, Rate.ofDollars("0.0005"));

    /** $10 a month and one charge of every model, plus tokens passed through at cost + 20 %. */
    static final Plan EVERYTHING = new Plan(PlanId.of("everything"), "Everything", Microcents.ofDollars("10"), List.of(
            new Charge(Meter.REQUESTS, new ChargeModel.Allowance(1_000, Rate.ofDollars("0.002"))),
            new Charge(Meter.INPUT_TOKENS, new ChargeModel.GraduatedTiers(List.of(
                    Tier.upTo(1_000_000, Rate.ofMicrocents("2")), Tier.upTo(Tier.UNBOUNDED, Rate.ofMicrocents("1"))))),
            new Charge(Meter.OUTPUT_TOKENS, new ChargeModel.VolumeTiers(List.of(
                    Tier.upTo(1_000_000, Rate.ofMicrocents("8")), Tier.upTo(Tier.UNBOUNDED, Rate.ofMicrocents("6"))))),
            new Charge(Meter.TOTAL_TOKENS, new ChargeModel.PackagePrice(0, 100_000, Rate.ofDollars("0.5")))),
            Optional.of(new TokenPassThrough(new BigDecimal("0.20"))));

    static final BillingPeriod NOV = BillingPeriod.parse("2026-11");
    static final BillingPeriod DEC = BillingPeriod.parse("2026-12");
    static final BillingPeriod JAN = BillingPeriod.parse("2027-01");

    private Fixtures() {
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static Subscription monthly(Plan plan, String billingStartsAt) {
        return Subscription.of(ACME, plan, BillingInterval.MONTH, at(billingStartsAt));
    }

    static Subscription yearly(Plan plan, String billingStartsAt) {
        return Subscription.of(ACME, plan, BillingInterval.YEAR, at(billingStartsAt));
    }

    static UsageTotal requests(BillingPeriod period, long quantity, long chargeMicrocents) {
        return new UsageTotal(period, ChargeKey.of(Meter.REQUESTS), quantity, Microcents.of(chargeMicrocents));
    }

    /** The generator with no usage, coupons or invoices. */
    static List<InvoiceLine> fees(BillingPeriod period, Subscription subscription) {
        return InvoiceGenerator.generate(period, subscription, List.of(), List.of(), List.of());
    }

    /** Lines as {@code kind amount} joined by {@code "; "}, e.g. {@code base_fee 29000000; usage 0}. */
    static String summary(List<InvoiceLine> lines) {
        return lines.stream().map(line -> line.kind().jsonName() + " " + line.amountMicrocents().value())
                .collect(Collectors.joining("; "));
    }

    /** A table cell's expected summary: {@code -} for no lines. */
    static String expected(String cell) {
        return cell.equals("-") ? "" : Arrays.stream(cell.split(";")).map(String::strip).collect(Collectors.joining("; "));
    }
}
