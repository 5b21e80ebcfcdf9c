package io.microcent.console.pages.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.console.web.ChartData;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an Analytics page shows, from one {@code GET /v1/analytics/activity} answer: the window's totals (the
 * service's daily totals added up here), the breakdown's groups summed over the days, a ranked bar chart and a
 * daily stacked area of the chosen measure. Every grouping but tags sums to the totals; a request with several
 * tags counts under each, so tag groups may sum to more ({@link #breakdownOvercounts()}).
 */
public record AnalyticsView(AnalyticsSelection selection, Figures total, List<Group> groups, Figures breakdownSum,
                            String rankedChart, String overTimeChart) {

    /** Groups drawn one by one in the charts; the rest are one "Other" bar or area. */
    static final int CHART_GROUPS = 8;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    public record Figures(long costMicrocents, long chargeMicrocents, long requests, long tokens) {

        static final Figures ZERO = new Figures(0, 0, 0, 0);

        Figures plus(Figures other) {
            return new Figures(Math.addExact(costMicrocents, other.costMicrocents), Math.addExact(chargeMicrocents, other.chargeMicrocents),
                    Math.addExact(requests, other.requests), Math.addExact(tokens, other.tokens));
        }

        long of(AnalyticsSelection.Metric metric) {
            return switch (metric) {
                case COST -> costMicrocents;
                case REQUESTS -> requests;
                case TOKENS -> tokens;
            };
        }

        static Figures of(JsonNode node) {
            return new Figures(node.path("costMicrocents").asLong(), node.path("chargeMicrocents").asLong(),
                    node.path("requestCount").asLong(), node.path("totalTokens").asLong());
        }
    }

    /** @param share of the window's total of the measure, in tenths of a percent */
    public record Group(String label, Figures figures, long shareTenths) {

        public String share() {
            return shareTenths / 10 + "." + shareTenths % 10 + "%";
        }
    }

    public static AnalyticsView of(AnalyticsSelection selection, JsonNode activity) {
        AnalyticsSelection.Metric metric = selection.metric();
        Figures total = Figures.ZERO;
        Map<String, Figures> byLabel = new HashMap<>();
        Map<LocalDate, Map<String, Long>> perDay = new HashMap<>();
        for (JsonNode day : activity.path("activity")) {
            total = total.plus(Figures.of(day));
            Map<String, Long> values = perDay.computeIfAbsent(LocalDate.parse(day.path("date").asText()), d -> new HashMap<>());
            for (JsonNode entry : day.path("breakdown")) {
                Figures figures = Figures.of(entry);
                byLabel.merge(entry.path("label").asText(), figures, Figures::plus);
                values.merge(entry.path("label").asText(), figures.of(metric), Math::addExact);
            }
        }
        long whole = total.of(metric);
        List<Group> groups = byLabel.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Figures>>comparingLong(e -> e.getValue().of(metric)).reversed()
                        .thenComparing(Map.Entry::getKey))
                .map(e -> new Group(e.getKey(), e.getValue(), whole == 0 ? 0 : Math.round(e.getValue().of(metric) * 1000.0 / whole)))
                .toList();
        Figures sum = groups.stream().map(Group::figures).reduce(Figures.ZERO, Figures::plus);
        List<String> drawn = groups.stream().limit(groups.size() <= CHART_GROUPS + 1 ? groups.size() : CHART_GROUPS).map(Group::label).toList();
        boolean other = drawn.size() < groups.size();

        List<String> rankedLabels = new ArrayList<>(drawn);
        List<Long> rankedValues = new ArrayList<>(drawn.stream().map(label -> byLabel.get(label).of(metric)).toList());
        if (other) {
            rankedLabels.add("Other (" + (groups.size() - drawn.size()) + ")");
            rankedValues.add(groups.stream().skip(drawn.size()).mapToLong(g -> g.figures().of(metric)).reduce(0, Math::addExact));
        }
        ChartData ranked = ChartData.ranked(rankedLabels);
        series(ranked, metric, metric.label(), rankedValues);

        List<LocalDate> days = selection.range().days();
        ChartData overTime = ChartData.stackedArea(days.stream().map(DAY::format).toList());
        Map<String, List<Long>> areas = new LinkedHashMap<>();
        drawn.forEach(label -> areas.put(label, new ArrayList<>()));
        List<Long> others = new ArrayList<>();
        for (LocalDate day : days) {
            Map<String, Long> values = perDay.getOrDefault(day, Map.of());
            areas.forEach((label, list) -> list.add(values.getOrDefault(label, 0L)));
            others.add(values.entrySet().stream().filter(e -> !areas.containsKey(e.getKey())).mapToLong(Map.Entry::getValue).reduce(0, Math::addExact));
        }
        areas.forEach((label, values) -> series(overTime, metric, label, values));
        if (other) {
            series(overTime, metric, "Other", others);
        }
        return new AnalyticsView(selection, total, groups, sum, ranked.toJson(), overTime.toJson());
    }

    private static void series(ChartData chart, AnalyticsSelection.Metric metric, String name, List<Long> values) {
        if (metric == AnalyticsSelection.Metric.COST) {
            chart.moneySeries(name, values);
        } else {
            chart.countSeries(name, values);
        }
    }

    /** Tag groups count a request once per tag: they may add up to more than the total. */
    public boolean breakdownOvercounts() {
        return selection.groupBy() == AnalyticsSelection.GroupBy.TAG;
    }

    public boolean reconciles() {
        return breakdownSum.equals(total);
    }
}
