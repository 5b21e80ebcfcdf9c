package io.microcent.model.plan.pricing;

import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.plan.Tier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GraduatedTiersPricerTest {

    /** 1–1,000 at $0.01; 1,001–10,000 at $0.005 plus $1 once reached; beyond at $0.002. */
    private static final GraduatedTiersPricer PRICER = new GraduatedTiersPricer(List.of(
            Tier.upTo(1_000, Rate.ofDollars("0.01")),
            new Tier(10_000, Rate.ofDollars("0.005"), Microcents.ofDollars("1")),
            Tier.upTo(Tier.UNBOUNDED, Rate.ofDollars("0.002"))));

    @ParameterizedTest(name = "{0}: total({1}) = {2} µ¢")
    @CsvSource(textBlock = """
            # scenario,                          quantity, total
            no usage,                                   0,        0
            one unit in the first tier,                 1,    10000
            the first tier full,                     1000, 10000000
            one unit into the second: its flat fee,  1001, 11005000
            the second tier full,                   10000, 56000000
            one unit into the last tier,            10001, 56002000
            deep in the last tier,                  20000, 76000000
            """)
    void pricesEachUnitAtItsOwnTier(String scenario, long quantity, long total) {
        assertThat(PRICER.total(quantity)).isEqualByComparingTo(Long.toString(total));
    }

    @ParameterizedTest(name = "{0}: {1} → {2} charges {3} µ¢")
    @CsvSource(textBlock = """
            # scenario,                             before, after,   charge
            inside the first tier,                       0,   500,  5000000
            crossing into the second tier,             999,  1001,  1015000
            inside the second tier,                   2000,  2010,    50000
            crossing two tiers at once,                  0, 10001, 56002000
            an empty event,                           4000,  4000,        0
            """)
    void chargesAnEventTheTotalItAdds(String scenario, long before, long after, long charge) {
        assertThat(PRICER.chargeBetween(before, after)).isEqualTo(Microcents.of(charge));
    }
}
