package io.microcent.model.plan.pricing;

import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.plan.Tier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VolumeTiersPricerTest {

    /** Up to 1,000 units: all at $0.01; up to 10,000: all at $0.008 plus $1; beyond: all at $0.005. */
    private static final VolumeTiersPricer PRICER = new VolumeTiersPricer(List.of(
            Tier.upTo(1_000, Rate.ofDollars("0.01")),
            new Tier(10_000, Rate.ofDollars("0.008"), Microcents.ofDollars("1")),
            Tier.upTo(Tier.UNBOUNDED, Rate.ofDollars("0.005"))));

    @ParameterizedTest(name = "{0}: total({1}) = {2} µ¢")
    @CsvSource(textBlock = """
            # scenario,                                 quantity, total
            no usage: no tier and no flat fee,                 0,        0
            one unit,                                          1,    10000
            the first tier's last unit,                     1000, 10000000
            all units drop to the second tier's price,      1001,  9008000
            the second tier's last unit,                   10000, 81000000
            all units at the last tier's price,            10001, 50005000
            """)
    void pricesAllUnitsAtTheTierOfTheTotal(String scenario, long quantity, long total) {
        assertThat(PRICER.total(quantity)).isEqualByComparingTo(Long.toString(total));
    }

    @ParameterizedTest(name = "{0}: {1} → {2} charges {3} µ¢")
    @CsvSource(textBlock = """
            # scenario,                                        before, after,    charge
            inside the first tier,                                  0,   500,   5000000
            into a cheaper tier: the units before get cheaper,   1000,  1001,   -992000
            inside the second tier,                              2000,  2010,     80000
            into the last tier,                                 10000, 10001, -30995000
            straight into the last tier,                            0, 10001,  50005000
            """)
    void chargesAnEventTheDifferenceItMakesEvenWhenThatIsACredit(String scenario, long before, long after, long charge) {
        assertThat(PRICER.chargeBetween(before, after)).isEqualTo(Microcents.of(charge));
    }
}
