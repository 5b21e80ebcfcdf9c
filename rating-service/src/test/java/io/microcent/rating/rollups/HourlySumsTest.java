package io.microcent.rating.rollups;

import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.RatedUsage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import static io.microcent.rating.rollups.RatedUsages.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HourlySumsTest {

    private static final CustomerId ACME = CustomerId.of("acme");
    private static final Instant NOV_5_0910 = Instant.parse("2026-11-05T09:10:00Z");

    @Test
    void usageOfOneHourWithTheSameDimensionsAddsUpToOneRow() {
        Map<HourlyKey, UsageCounters> sums = HourlySums.of(Arrays.asList(
                usage(ACME, NOV_5_0910).model("openai", "gpt-4o").project("chatbot").requests(2)
                        .tokens(100, 20, 5, 1).cost(250, 1_000).build(),
                usage(ACME, NOV_5_0910.plusSeconds(45 * 60)).model("openai", "gpt-4o").project("chatbot").requests(3)
                        .tokens(10, 2, 0, 0).cost(25, 0).build()));

        assertThat(sums).hasSize(1);
        HourlyKey key = sums.keySet().iterator().next();
        assertThat(key.hour()).isEqualTo(Instant.parse("2026-11-05T09:00:00Z"));
        assertThat(key.period()).isEqualTo(BillingPeriod.parse("2026-11"));
        assertThat(sums.get(key)).isEqualTo(new UsageCounters(5, 110, 22, 5, 1, Microcents.of(275), Microcents.of(1_000)));
    }

    @Test
    void anotherHourAnotherDimensionValueOrAnotherPeriodIsAnotherRow() {
        RatedUsage base = usage(ACME, NOV_5_0910).model("openai", "gpt-4o").build();
        RatedUsage nextHour = usage(ACME, Instant.parse("2026-11-05T10:00:00Z")).model("openai", "gpt-4o").build();
        RatedUsage otherModel = usage(ACME, NOV_5_0910).model("openai", "gpt-4o-mini").build();
        RatedUsage otherUser = usage(ACME, NOV_5_0910).model("openai", "gpt-4o").user("ada@acme.io").build();
        RatedUsage billedLate = usage(ACME, NOV_5_0910).model("openai", "gpt-4o").ratedIn("2026-12").build();

        assertThat(HourlySums.of(Arrays.asList(base, nextHour, otherModel, otherUser, billedLate))).hasSize(5);
    }

    @Test
    void tagsArePartOfTheRowKeyInTheirNormalOrder() {
        RatedUsage untagged = usage(ACME, NOV_5_0910).model("openai", "gpt-4o").requests(1).build();
        RatedUsage prod = usage(ACME, NOV_5_0910).model("openai", "gpt-4o").tags("env:prod").requests(2).build();
        RatedUsage prodChat = usage(ACME, NOV_5_0910).model("openai", "gpt-4o").tags("feature:chat", "env:prod").requests(4).build();
        RatedUsage chatProd = usage(ACME, NOV_5_0910).model("openai", "gpt-4o").tags("env:prod", "feature:chat", "env:prod")
                .requests(8).build();

        Map<HourlyKey, UsageCounters> sums = HourlySums.of(Arrays.asList(untagged, prod, prodChat, chatProd));

        assertThat(sums.keySet()).extracting(HourlyKey::tags)
                .containsExactly(java.util.List.of(), java.util.List.of("env:prod"), java.util.List.of("env:prod", "feature:chat"));
        assertThat(sums.values()).extracting(UsageCounters::requests).containsExactly(1L, 2L, 12L);
    }

    @Test
    void dimensionsTheEventDidNotNameAreStoredAsAbsent() {
        HourlyKey key = HourlyKey.of(usage(ACME, NOV_5_0910).team("platform").build());

        assertThat(key.team()).isEqualTo("platform");
        assertThat(key).extracting(HourlyKey::project, HourlyKey::costCenter, HourlyKey::apiKeyId, HourlyKey::user,
                        HourlyKey::provider, HourlyKey::model)
                .containsOnly(HourlyKey.ABSENT);
    }

    @Test
    void tombstonesAreSkipped() {
        assertThat(HourlySums.of(Arrays.asList(null, usage(ACME, NOV_5_0910).build()))).hasSize(1);
    }

    @Test
    void countersThatWouldOverflowAreRefusedRatherThanWrapped() {
        RatedUsage huge = usage(ACME, NOV_5_0910).tokens(Long.MAX_VALUE, 0, 0, 0).build();

        assertThatThrownBy(() -> HourlySums.of(Arrays.asList(huge, huge))).isInstanceOf(ArithmeticException.class);
    }
}
