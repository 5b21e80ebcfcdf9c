package io.microcent.rating.analytics;

import io.microcent.model.money.Microcents;
import io.microcent.rating.analytics.ActivityReport.Breakdown;
import io.microcent.rating.analytics.ActivityReport.Day;
import io.microcent.rating.rollups.HourlyKey;
import io.microcent.rating.rollups.UsageCounters;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityReportTest {

    private static final LocalDate NOV_5 = LocalDate.of(2026, 11, 5);
    private static final LocalDate NOV_7 = LocalDate.of(2026, 11, 7);
    private static final ActivityQuery NOVEMBER =
            new ActivityQuery(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), GroupBy.PROJECT, Optional.empty());

    @Test
    void eachDayWithUsageIsOneEntryOldestFirstAndDaysWithoutUsageAreLeftOut() {
        ActivityReport report = ActivityReport.of(NOVEMBER, List.of(
                usage(NOV_7, "chatbot", 10, 100),
                usage(NOV_5, "chatbot", 1, 10)));

        assertThat(report.activity()).extracting(Day::date).containsExactly(NOV_5, NOV_7);
        assertThat(report.groupBy()).isEqualTo(GroupBy.PROJECT);
        assertThat(report.from()).isEqualTo(NOVEMBER.from());
        assertThat(report.to()).isEqualTo(NOVEMBER.to());
    }

    @Test
    void aDaysTotalsAreTheSumOfItsBreakdownSortedByCostMostExpensiveFirst() {
        ActivityReport report = ActivityReport.of(NOVEMBER, List.of(
                usage(NOV_5, "staging", 3, 50),
                usage(NOV_5, "production", 5, 900),
                usage(NOV_5, "batch", 2, 50)));

        Day day = report.activity().getFirst();
        assertThat(day.breakdown()).extracting(Breakdown::label).containsExactly("production", "batch", "staging");
        assertThat(day.costMicrocents()).isEqualTo(Microcents.of(1_000));
        assertThat(day.chargeMicrocents()).isEqualTo(Microcents.of(2_000));
        assertThat(day.requestCount()).isEqualTo(10);
        // each usage has 4 tokens per request (input, output, cache read, cache write)
        assertThat(day.totalTokens()).isEqualTo(40);
        assertThat(day.breakdown().getFirst()).isEqualTo(
                new Breakdown("production", Microcents.of(900), Microcents.of(1_800), 5, 20));
    }

    @Test
    void usageThatDidNotNameTheDimensionIsLabelledNone() {
        ActivityReport report = ActivityReport.of(NOVEMBER, List.of(usage(NOV_5, HourlyKey.ABSENT, 1, 1)));

        assertThat(report.activity().getFirst().breakdown()).extracting(Breakdown::label).containsExactly("(none)");
    }

    /** {@code requests} requests of one token of each kind, costing {@code cost} and charged twice that. */
    private static DailyUsage usage(LocalDate day, String value, long requests, long cost) {
        return new DailyUsage(day, value, new UsageCounters(requests, requests, requests, requests, requests,
                Microcents.of(cost), Microcents.of(2 * cost)));
    }
}
