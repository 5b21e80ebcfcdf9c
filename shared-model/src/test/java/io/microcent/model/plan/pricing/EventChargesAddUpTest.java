package io.microcent.model.plan.pricing;

import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.plan.Tier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key property of pricing by period totals: however a period's usage is cut into events, the
 * events' charges add up to exactly the rounded total of the period's quantity. Prices finer than a
 * microcent make every event's line round, so any drift would show.
 */
class EventChargesAddUpTest {

    private static final Map<String, UsagePricer> PRICERS = Map.of(
            "allowance", new AllowancePricer(10, Rate.ofMicrocents("2.5")),
            "graduated", new GraduatedTiersPricer(List.of(
                    Tier.upTo(7, Rate.ofMicrocents("0.3")),
                    new Tier(1_000, Rate.ofMicrocents("1.7"), Microcents.of(3)),
                    Tier.upTo(Tier.UNBOUNDED, Rate.ofMicrocents("0.45")))),
            "volume", new VolumeTiersPricer(List.of(
                    Tier.upTo(7, Rate.ofMicrocents("3.3")),
                    new Tier(1_000, Rate.ofMicrocents("1.7"), Microcents.of(5)),
                    Tier.upTo(Tier.UNBOUNDED, Rate.ofMicrocents("0.45")))),
            "package", new PackagePricer(3, 4, Rate.ofMicrocents("2.5")));

    @ParameterizedTest(name = "{0}: events of {1}")
    @CsvSource({
            "allowance, 1;1;1;1;1;1;1;1;1;1;1;1;1;1;1",
            "allowance, 9;3;0;7;1;1",
            "graduated, 1;1;1;1;1;1;1;1;1;1;1",
            "graduated, 6;2;991;1;1;5000",
            "graduated, 3;0;4;993;1",
            "volume,    1;1;1;1;1;1;1;1;1",
            "volume,    7;1;992;1;13",
            "volume,    5000",
            "package,   1;1;1;1;1;1;1;1;1;1;1;1",
            "package,   2;5;9;0;1;33",
    })
    void eventChargesAddUpToTheRoundedPeriodTotal(String model, String eventQuantities) {
        UsagePricer pricer = PRICERS.get(model);
        long[] events = Arrays.stream(eventQuantities.split(";")).mapToLong(Long::parseLong).toArray();

        long quantity = 0;
        Microcents sum = Microcents.ZERO;
        for (long event : events) {
            sum = sum.plus(pricer.chargeBetween(quantity, quantity + event));
            quantity += event;
        }

        assertThat(sum).isEqualTo(Microcents.round(pricer.total(quantity)));
    }
}
