package io.microcent.model.plan.pricing;

import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PackagePricerTest {

    /** 100 units free, then $0.50 per started block of 1,000. */
    private static final PackagePricer PRICER = new PackagePricer(100, 1_000, Rate.ofDollars("0.50"));

    @ParameterizedTest(name = "{0}: total({1}) = {2} µ¢")
    @CsvSource(textBlock = """
            # scenario,                           quantity,   total
            no usage,                                    0,       0
            the free units,                            100,       0
            the first unit of the first block,         101,  500000
            the first block full,                     1100,  500000
            the first unit of the second block,       1101, 1000000
            five blocks,                              5100, 2500000
            """)
    void chargesEveryStartedBlockInFull(String scenario, long quantity, long total) {
        assertThat(PRICER.total(quantity)).isEqualByComparingTo(Long.toString(total));
    }

    @ParameterizedTest(name = "{0}: {1} → {2} charges {3} µ¢")
    @CsvSource(textBlock = """
            # scenario,                            before, after,  charge
            opens a block,                            100,   101,  500000
            fills the open block: free,               101,  1100,       0
            opens the next block,                    1100,  1101,  500000
            """)
    void chargesTheEventThatOpensABlock(String scenario, long before, long after, long charge) {
        assertThat(PRICER.chargeBetween(before, after)).isEqualTo(Microcents.of(charge));
    }

    @ParameterizedTest(name = "blocks of {0} at {1} µ¢ without allowance: total({2}) = {3} µ¢")
    @CsvSource({
            "1,       10000, 7,       70000",   // blocks of one unit are a unit price
            "1000000, 2.5,   1,       2.5",     // a block price finer than a microcent stays exact
            "1000000, 2.5,   3000000, 7.5",
    })
    void worksWithoutAnAllowance(long blockSize, String microcentsPerBlock, long quantity, String total) {
        PackagePricer pricer = new PackagePricer(0, blockSize, Rate.ofMicrocents(microcentsPerBlock));

        assertThat(pricer.total(quantity)).isEqualByComparingTo(total);
    }
}
