package io.microcent.rating.analytics;

import io.microcent.model.money.Microcents;
import io.microcent.rating.rollups.HourlyKey;
import io.microcent.rating.rollups.UsageCounters;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The answer of {@code GET /v1/analytics/activity}: one entry per UTC day that has usage (days without
 * usage are left out), oldest first, each with its totals and the breakdown by the grouped dimension.
 * A day's totals are the sum of its breakdown, and every grouping sums the same rows, so the totals of
 * one window are the same whatever the breakdown is grouped by. The one exception is the breakdown by tag:
 * usage with several tags counts under each, so its entries may sum to more than the day's totals.
 */
public record ActivityReport(GroupBy groupBy, LocalDate from, LocalDate to, List<Day> activity) {

    /** The label of usage that did not name the grouped dimension. */
    public static final String NONE_LABEL = "(none)";

    /** Most expensive first; equal costs in label order, so the answer is stable. */
    private static final Comparator<Breakdown> BY_COST_DESCENDING =
            Comparator.comparing(Breakdown::costMicrocents).reversed().thenComparing(Breakdown::label);

    /**
     * @param totalTokens input, output, cache-read and cache-write tokens together
     */
    public record Day(LocalDate date, Microcents costMicrocents, Microcents chargeMicrocents, long requestCount,
                      long totalTokens, List<Breakdown> breakdown) {
    }

    public record Breakdown(String label, Microcents costMicrocents, Microcents chargeMicrocents, long requestCount,
                            long totalTokens) {

        static Breakdown of(String label, UsageCounters counters) {
            return new Breakdown(label, counters.cost(), counters.charge(), counters.requests(), counters.totalTokens());
        }
    }

    /**
     * Assembles the report from the rollups' daily sums per dimension value (in any order, one per day and value),
     * of a dimension each usage has one value of: a day's totals are the sum of its breakdown.
     */
    public static ActivityReport of(ActivityQuery query, List<DailyUsage> usage) {
        Map<LocalDate, UsageCounters> totals = usage.stream().collect(Collectors.toMap(DailyUsage::day,
                DailyUsage::counters, UsageCounters::plus));
        return of(query, usage, totals);
    }

    /** As {@link #of(ActivityQuery, List)}, with each day's totals given (by tag, they are not the breakdown's sum). */
    public static ActivityReport of(ActivityQuery query, List<DailyUsage> usage, Map<LocalDate, UsageCounters> totals) {
        Map<LocalDate, List<DailyUsage>> byDay = usage.stream()
                .collect(Collectors.groupingBy(DailyUsage::day, TreeMap::new, Collectors.toList()));
        List<Day> days = byDay.entrySet().stream()
                .map(day -> day(day.getKey(), totals.getOrDefault(day.getKey(), UsageCounters.ZERO), day.getValue()))
                .toList();
        return new ActivityReport(query.groupBy(), query.from(), query.to(), days);
    }

    private static Day day(LocalDate date, UsageCounters total, List<DailyUsage> usage) {
        List<Breakdown> breakdown = usage.stream()
                .map(u -> Breakdown.of(label(u.value()), u.counters()))
                .sorted(BY_COST_DESCENDING)
                .toList();
        return new Day(date, total.cost(), total.charge(), total.requests(), total.totalTokens(), breakdown);
    }

    static String label(String value) {
        return HourlyKey.ABSENT.equals(value) ? NONE_LABEL : value;
    }
}
