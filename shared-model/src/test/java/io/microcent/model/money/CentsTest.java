package io.microcent.model.money;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CentsTest {

    @ParameterizedTest(name = "{0} µ¢ → {1}¢")
    @CsvSource(textBlock = """
            # microcents, cents
                     0,     0
                  4999,     0
                  5000,     0
                  5001,     1
                 15000,     2
                 25000,     2
                 10000,     1
                 -5000,     0
                 -5001,    -1
                -15000,    -2
                -25000,    -2
              29000000,  2900
              14983333,  1498
            """)
    void roundsHalfEven(long microcents, long cents) {
        assertThat(Cents.roundedFrom(Microcents.of(microcents))).isEqualTo(Cents.of(cents));
    }
}
