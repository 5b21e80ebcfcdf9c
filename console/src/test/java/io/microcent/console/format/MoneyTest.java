package io.microcent.console.format;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    @ParameterizedTest(name = "{0} µ¢ shows as {1}, exactly {2}")
    @CsvSource(delimiter = '|', value = {
            "0          | $0.00          | 0 µ¢ = $0",
            "5001       | $0.01          | 5,001 µ¢ = $0.005001",
            "6000       | $0.01          | 6,000 µ¢ = $0.006",
            "4999       | <$0.01         | 4,999 µ¢ = $0.004999",
            "5000       | <$0.01         | 5,000 µ¢ = $0.005",
            "15000      | $0.02          | 15,000 µ¢ = $0.015",
            "25000      | $0.02          | 25,000 µ¢ = $0.025",
            "1234567891 | $1,234.57      | 1,234,567,891 µ¢ = $1234.567891",
            "-2500000   | -$2.50         | -2,500,000 µ¢ = $-2.5",
            "-1         | -<$0.01        | -1 µ¢ = $-0.000001"})
    void dollarsToTheCentHalfEvenWithTheExactFigureKept(long microcents, String display, String exact) {
        Money money = Money.of(microcents);
        assertThat(money.display()).isEqualTo(display);
        assertThat(money.exact()).isEqualTo(exact);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0 | 0.00", "6000 | 0.006", "1000000 | 1.00", "1234567 | 1.234567", "-10000 | -0.01"})
    void exactDollarsForSpreadsheetsKeepEveryMicrocent(long microcents, String dollars) {
        assertThat(Money.of(microcents).exactDollars()).isEqualTo(dollars);
    }
}
