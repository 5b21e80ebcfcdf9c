package io.microcent.invoicing.generate;

import io.microcent.model.money.Microcents;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.microcent.invoicing.generate.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

/** A monthly fee over a span, month by month by the second, exact until one rounding (half-even). */
class ProrationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # scenario,                                         fee µ¢,    from,                  to,                    µ¢
            a whole month is the fee exactly,                   29000000,  2026-11-01T00:00:00Z,  2026-12-01T00:00:00Z,  29000000
            half of November,                                   29000000,  2026-11-16T00:00:00Z,  2026-12-01T00:00:00Z,  14500000
            half of November and half of December: one rounding, 29000000, 2026-11-16T00:00:00Z,  2026-12-16T12:00:00Z,  29000000
            15/30 + 15/31 = 28532258.06,                        29000000,  2026-11-16T00:00:00Z,  2026-12-16T00:00:00Z,  28532258
            a year is twelve fees,                              29000000,  2026-11-01T00:00:00Z,  2027-11-01T00:00:00Z,  348000000
            a leap February in full,                            29000000,  2028-02-01T00:00:00Z,  2028-03-01T00:00:00Z,  29000000
            half a microcent rounds to even: 0,                 1,         2026-11-16T00:00:00Z,  2026-12-01T00:00:00Z,  0
            one and a half microcents rounds to even: 2,        3,         2026-11-16T00:00:00Z,  2026-12-01T00:00:00Z,  2
            20/30 + 10/31 of 1 µ¢ = 0.99: rounded once,       1,         2026-11-11T00:00:00Z,  2026-12-11T00:00:00Z,  1
            an empty span,                                      29000000,  2026-11-16T00:00:00Z,  2026-11-16T00:00:00Z,  0
            """)
    void prorates(String scenario, long fee, String from, String to, long expected) {
        assertThat(Proration.of(Microcents.of(fee), new Span(at(from), at(to)))).isEqualTo(Microcents.of(expected));
    }
}
