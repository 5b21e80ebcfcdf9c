package io.microcent.console.pages.usage;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.console.web.ChartData;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * What the Usage page shows, from one {@code GET /v1/analytics/usage} answer: the service's totals as they are
 * (never the rows added up here), the activity chart of its buckets, and its rows, narrowed by the search and
 * sorted as the selection says, so the page, the live updates and the CSV file show the same rows in the same order.
 *
 * @param fingerprint identifies the answer: live mode pushes new figures only when it changes
 * @param allRows     how many rows the service answered, before the search
 */
public record UsageView(UsageSelection selection, Kpis kpis, String activityChart, String chartLabel, List<Row> rows,
                        int allRows, String fingerprint) {

    /** Most teams the stacked chart draws one by one; the rest are one "Other" series. */
    static final int CHART_TEAMS = 9;
    static final int SHOWN_MODELS = 3;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MMM d HH:00", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** @param avgRequestsPerUser the service's exact decimal, or null without active users */
    public record Kpis(long activeUsers, String avgRequestsPerUser, long requests, long inputTokens, long outputTokens,
                       long totalTokens, long costMicrocents, long chargeMicrocents) {
    }

    /**
     * One user or team.
     *
     * @param team   the badge: a user's main team (null without one), or the team itself
     * @param trend  requests per bucket
     */
    public record Row(String name, String team, List<String> teams, long users, long requests, long inputTokens,
                      long outputTokens, long totalTokens, long costMicrocents, long chargeMicrocents, List<String> models,
                      List<Long> trend) {

        public List<String> shownModels() {
            return models.subList(0, Math.min(SHOWN_MODELS, models.size()));
        }

        public List<String> moreModels() {
            return models.size() <= SHOWN_MODELS ? List.of() : models.subList(SHOWN_MODELS, models.size());
        }

        /** The trend as an SVG polyline's points in a 100 × 24 box: drawn on the server, cheap for a thousand rows. */
        public String sparkline() {
            long max = trend.stream().mapToLong(Long::longValue).max().orElse(0);
            StringBuilder points = new StringBuilder();
            int n = trend.size();
            for (int i = 0; i < n; i++) {
                double x = n == 1 ? 50 : i * 100.0 / (n - 1);
                double y = max == 0 ? 22 : 22 - trend.get(i) * 20.0 / max;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            return points.toString().trim();
        }

        public String trendLabel() {
            long peak = trend.stream().mapToLong(Long::longValue).max().orElse(0);
            return "Requests per bucket, peak " + peak;
        }

        /** One of ten badge colours, the same for a team on every page. */
        public int teamColor() {
            return team == null ? -1 : Math.floorMod(team.hashCode(), 10);
        }
    }

    public static UsageView of(UsageSelection selection, JsonNode answer) {
        JsonNode k = answer.path("kpis");
        Kpis kpis = new Kpis(k.path("activeUsers").asLong(), k.path("avgRequestsPerUser").isNull() ? null : k.path("avgRequestsPerUser").asText(null),
                k.path("requests").asLong(), k.path("inputTokens").asLong(), k.path("outputTokens").asLong(),
                k.path("totalTokens").asLong(), k.path("costMicrocents").asLong(), k.path("chargeMicrocents").asLong());
        List<Row> all = new ArrayList<>();
        for (JsonNode row : answer.path("rows")) {
            all.add(new Row(row.path("name").asText(), row.path("team").isTextual() ? row.path("team").asText() : null,
                    texts(row.path("teams")), row.path("users").asLong(), row.path("requests").asLong(),
                    row.path("inputTokens").asLong(), row.path("outputTokens").asLong(), row.path("totalTokens").asLong(),
                    row.path("costMicrocents").asLong(), row.path("chargeMicrocents").asLong(), texts(row.path("models")),
                    longs(row.path("trend"))));
        }
        List<Row> shown = all.stream().filter(row -> selection.matches(row.name())).sorted(order(selection)).toList();
        boolean byTeam = selection.view() == UsageSelection.View.TEAM;
        return new UsageView(selection, kpis, byTeam ? teamChart(answer, selection) : userChart(answer, selection),
                byTeam ? "Requests per " + selection.range().bucket() + ", stacked by team"
                        : "Active users per " + selection.range().bucket(),
                shown, all.size(), Integer.toHexString(answer.toString().hashCode()));
    }

    private static Comparator<Row> order(UsageSelection selection) {
        ToLongFunction<Row> key = switch (selection.sort()) {
            case REQUESTS -> Row::requests;
            case INPUT -> Row::inputTokens;
            case OUTPUT -> Row::outputTokens;
            case COST -> Row::costMicrocents;
        };
        Comparator<Row> byKey = Comparator.comparingLong(key);
        return (selection.descending() ? byKey.reversed() : byKey).thenComparing(Row::name);
    }

    private static String userChart(JsonNode answer, UsageSelection selection) {
        List<String> labels = new ArrayList<>();
        List<Long> users = new ArrayList<>();
        for (JsonNode bucket : answer.path("buckets")) {
            labels.add(label(bucket, selection));
            users.add(bucket.path("activeUsers").asLong());
        }
        return ChartData.bars(labels, false).countSeries("Active users", users).toJson();
    }

    /** Requests per bucket and team, the busiest teams one by one, in the order of their requests. */
    private static String teamChart(JsonNode answer, UsageSelection selection) {
        Map<String, Long> totals = new HashMap<>();
        for (JsonNode bucket : answer.path("buckets")) {
            for (JsonNode team : bucket.path("teams")) {
                totals.merge(team.path("team").asText(), team.path("requests").asLong(), Math::addExact);
            }
        }
        List<String> ranked = totals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        List<String> drawn = ranked.size() <= CHART_TEAMS + 1 ? ranked : ranked.subList(0, CHART_TEAMS);
        Map<String, List<Long>> series = new LinkedHashMap<>();
        drawn.forEach(team -> series.put(team, new ArrayList<>()));
        boolean other = ranked.size() > drawn.size();
        List<Long> others = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (JsonNode bucket : answer.path("buckets")) {
            labels.add(label(bucket, selection));
            Map<String, Long> perTeam = new HashMap<>();
            bucket.path("teams").forEach(team -> perTeam.put(team.path("team").asText(), team.path("requests").asLong()));
            series.forEach((team, values) -> values.add(perTeam.getOrDefault(team, 0L)));
            others.add(perTeam.entrySet().stream().filter(e -> !series.containsKey(e.getKey()))
                    .mapToLong(Map.Entry::getValue).reduce(0, Math::addExact));
        }
        ChartData chart = ChartData.bars(labels, true);
        series.forEach(chart::countSeries);
        if (other) {
            chart.countSeries("Other teams", others);
        }
        return chart.toJson();
    }

    private static String label(JsonNode bucket, UsageSelection selection) {
        Instant start = Instant.parse(bucket.path("start").asText());
        return (selection.range().hourly() ? HOUR : DAY).format(start);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asLong()));
        return values;
    }

    public boolean byTeam() {
        return selection.view() == UsageSelection.View.TEAM;
    }
}
