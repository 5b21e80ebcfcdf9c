package io.microcent.invoicing.generate;

import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.usage.BillingPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static io.microcent.invoicing.generate.Fixtures.ACME;
import static io.microcent.invoicing.generate.Fixtures.DEC;
import static io.microcent.invoicing.generate.Fixtures.NOV;
import static io.microcent.invoicing.generate.Fixtures.STARTER;
import static io.microcent.invoicing.generate.Fixtures.at;
import static io.microcent.invoicing.generate.Fixtures.expected;
import static io.microcent.invoicing.generate.Fixtures.fees;
import static io.microcent.invoicing.generate.Fixtures.summary;
import static io.microcent.invoicing.generate.Fixtures.yearly;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starter's base fee, $29 a month (29,000,000 µ¢), in November 2026 (30 days, 2,592,000 s) and December
 * (31 days, 2,678,400 s). Every invoice also carries Starter's request charge, with no usage here.
 */
class BaseFeeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # scenario,                                      interval, billingStartsAt,       endsAt,               period,  lines
            a whole month in arrears,                        MONTH, 2026-11-01T00:00:00Z,  ,                     2026-11, base_fee 29000000; usage 0
            starts mid-month: 15 of 30 days,                 MONTH, 2026-11-16T00:00:00Z,  ,                     2026-11, base_fee 14500000; usage 0
            starts at noon: 1339200 s of 2592000,            MONTH, 2026-11-15T12:00:00Z,  ,                     2026-11, base_fee 14983333; usage 0
            the last second of the month: 11.19 µ¢,          MONTH, 2026-11-30T23:59:59Z,  ,                     2026-11, base_fee 11; usage 0
            ends mid-month: 9 of 30 days,                    MONTH, 2026-11-01T00:00:00Z,  2026-11-10T00:00:00Z, 2026-11, base_fee 8700000; usage 0
            starts and ends in the month: 9666666.67,        MONTH, 2026-11-10T00:00:00Z,  2026-11-20T00:00:00Z, 2026-11, base_fee 9666667; usage 0
            a 31-day month in full,                          MONTH, 2026-12-01T00:00:00Z,  ,                     2026-12, base_fee 29000000; usage 0
            16 of 31 days: 14967741.94,                      MONTH, 2026-12-16T00:00:00Z,  ,                     2026-12, base_fee 14967742; usage 0
            before billing starts: usage only,               MONTH, 2026-12-01T00:00:00Z,  ,                     2026-11, usage 0
            a year in advance: twelve fees,                  YEAR,  2026-11-01T00:00:00Z,  ,                     2026-11, base_fee 348000000; usage 0
            a year from mid-month: 11 fees + 15/30,          YEAR,  2026-11-16T00:00:00Z,  ,                     2026-11, base_fee 333500000; usage 0
            a year ending after six months,                  YEAR,  2026-11-01T00:00:00Z,  2027-05-01T00:00:00Z, 2026-11, base_fee 174000000; usage 0
            """)
    void chargesTheSecondsCovered(String scenario, BillingInterval interval, String billingStartsAt, String endsAt,
                                  String period, String lines) {
        Subscription subscription = Subscription.of(ACME, STARTER, interval, at(billingStartsAt));
        if (endsAt != null) {
            subscription = subscription.endingAt(at(endsAt));
        }
        assertThat(summary(fees(BillingPeriod.parse(period), subscription))).isEqualTo(expected(lines));
    }

    @Test
    void anAnnualFeeIsBilledOnceInItsYear() {
        Subscription subscription = yearly(STARTER, "2026-11-01T00:00:00Z");
        List<InvoiceLine> november = fees(NOV, subscription);
        List<Invoice> billed = List.of(Invoice.finalized(NOV, november));

        assertThat(summary(InvoiceGenerator.generate(DEC, subscription, List.of(), List.of(), billed)))
                .as("December: usage only, the year is paid").isEqualTo("usage 0");
        assertThat(summary(InvoiceGenerator.generate(NOV, subscription, List.of(), List.of(), billed)))
                .as("November again: nothing new").isEmpty();

        List<Invoice> aYearOfInvoices = new ArrayList<>(billed);
        for (BillingPeriod month = DEC; month.compareTo(BillingPeriod.parse("2027-10")) <= 0; month = month.next()) {
            aYearOfInvoices.add(Invoice.finalized(month,
                    InvoiceGenerator.generate(month, subscription, List.of(), List.of(), aYearOfInvoices)));
        }
        assertThat(aYearOfInvoices.stream().flatMap(invoice -> invoice.lines().stream())
                .filter(line -> line.kind() == LineKind.BASE_FEE).map(InvoiceLine::amountMicrocents))
                .as("one annual fee in twelve invoices").containsExactly(Microcents.of(348_000_000));
        assertThat(summary(InvoiceGenerator.generate(BillingPeriod.parse("2027-11"), subscription, List.of(), List.of(),
                aYearOfInvoices))).as("the second year's fee on its first invoice").isEqualTo("base_fee 348000000; usage 0");
    }

    @Test
    void aMissedMonthIsBilledOnTheNextInvoice() {
        Subscription subscription = Fixtures.monthly(STARTER, "2026-11-16T00:00:00Z");

        assertThat(summary(fees(DEC, subscription)))
                .as("no invoice for November: its half month is not lost")
                .isEqualTo("base_fee 14500000; base_fee 29000000; usage 0");
    }

    @Test
    void describesTheLine() {
        InvoiceLine line = fees(NOV, Fixtures.monthly(STARTER, "2026-11-16T00:00:00Z")).getFirst();

        assertThat(line.description()).isEqualTo("Starter, 2026-11 (prorated: 2026-11-16T00:00:00Z to 2026-12-01T00:00:00Z)");
        assertThat(line.quantity()).isEqualTo(1);
        assertThat(line.unitPrice()).contains(Rate.ofMicrocents("29000000"));
    }
}
