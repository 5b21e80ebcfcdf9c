package io.microcent.model.plan.pricing;

import io.microcent.model.money.Microcents;
import io.microcent.model.plan.TokenPassThrough;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class TokenPassThroughPricerTest {

    @ParameterizedTest(name = "cost {0} µ¢ with markup {1}: {2} µ¢")
    @CsvSource({
            "1000, 0.20, 1200",
            "2503, 0.20, 3004",   // 3,003.6
            "3,    0.25, 4",      // 3.75
            "2,    0.25, 2",      // 2.5, half-even
            "7.5,  0.20, 9",      // the exact cost is marked up: 9, not 8 (7.5 rounded) × 1.2 = 9.6 → 10
            "0.3,  0.20, 0",      // 0.36
            "777,  0,    777",    // passed through at cost
            "0,    0.20, 0",      // no price, nothing to pass through
    })
    void chargesTheExactCostTimesOnePlusTheMarkupRoundedOnce(String exactCost, String markup, long charge) {
        TokenPassThroughPricer pricer = TokenPassThroughPricer.of(new TokenPassThrough(new BigDecimal(markup)));

        assertThat(pricer.charge(new BigDecimal(exactCost))).isEqualTo(Microcents.of(charge));
    }
}
