package io.microcent.console.pages.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.console.pages.usage.TimeRange;
import io.microcent.model.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyticsViewTest {

    private static final String ACTIVITY = """
            {"activity":[
              {"date":"2026-11-01","costMicrocents":300,"chargeMicrocents":600,"requestCount":3,"totalTokens":30,
               "breakdown":[{"label":"env:prod","costMicrocents":300,"chargeMicrocents":600,"requestCount":3,"totalTokens":30},
                            {"label":"feature:chat","costMicrocents":100,"chargeMicrocents":200,"requestCount":1,"totalTokens":10}]},
              {"date":"2026-11-03","costMicrocents":50,"chargeMicrocents":100,"requestCount":1,"totalTokens":5,
               "breakdown":[{"label":"(none)","costMicrocents":50,"chargeMicrocents":100,"requestCount":1,"totalTokens":5}]}]}
            """;

    private static AnalyticsSelection selection(AnalyticsSelection.GroupBy groupBy, AnalyticsSelection.Metric metric) {
        TimeRange range = new TimeRange(TimeRange.Preset.CUSTOM, Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-04T00:00:00Z"),
                LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-03"));
        return new AnalyticsSelection(range, "", groupBy, metric, Optional.empty());
    }

    @Test
    void theTotalIsTheDaysTotalsAndTagsSayTheyCountTwice() throws Exception {
        JsonNode activity = Json.mapper().readTree(ACTIVITY);
        AnalyticsView view = AnalyticsView.of(selection(AnalyticsSelection.GroupBy.TAG, AnalyticsSelection.Metric.COST), activity);
        assertThat(view.total()).isEqualTo(new AnalyticsView.Figures(350, 700, 4, 35));
        assertThat(view.breakdownSum().costMicrocents()).isEqualTo(450);
        assertThat(view.breakdownOvercounts()).isTrue();
        assertThat(view.reconciles()).isFalse();
        assertThat(view.groups()).extracting(AnalyticsView.Group::label).containsExactly("env:prod", "feature:chat", "(none)");
        assertThat(view.groups().getFirst().share()).isEqualTo("85.7%");
    }

    @Test
    void theStackedAreaHasEveryDayOfTheWindowInTheChosenMeasure() throws Exception {
        JsonNode activity = Json.mapper().readTree(ACTIVITY);
        AnalyticsView view = AnalyticsView.of(selection(AnalyticsSelection.GroupBy.TAG, AnalyticsSelection.Metric.REQUESTS), activity);
        JsonNode chart = Json.mapper().readTree(view.overTimeChart());
        assertThat(chart.path("labels").toString()).isEqualTo("[\"Nov 1\",\"Nov 2\",\"Nov 3\"]");
        assertThat(chart.path("series").get(0).path("unit").asText()).isEqualTo("count");
        assertThat(chart.path("series").get(0).path("values").toString()).isEqualTo("[3,0,0]");
        assertThat(chart.path("series").get(1).path("name").asText()).as("equal requests in label order").isEqualTo("(none)");
        assertThat(chart.path("series").get(1).path("values").toString()).isEqualTo("[0,0,1]");
    }
}
