package io.microcent.console.pages.usage;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UsageViewTest {

    private static final String ANSWER = """
            {"view":"user","kpis":{"activeUsers":3,"avgRequestsPerUser":"2.00","requests":6,"inputTokens":60,"outputTokens":6,
              "totalTokens":66,"costMicrocents":600,"chargeMicrocents":900},
             "buckets":[{"start":"2026-11-01T00:00:00Z","activeUsers":2,"requests":4,"costMicrocents":400,
                         "teams":[{"team":"core","requests":3,"costMicrocents":300},{"team":"ops","requests":1,"costMicrocents":100}]},
                        {"start":"2026-11-02T00:00:00Z","activeUsers":1,"requests":2,"costMicrocents":200,
                         "teams":[{"team":"core","requests":2,"costMicrocents":200}]}],
             "rows":[{"name":"ann","team":"core","teams":["core"],"users":1,"requests":3,"inputTokens":30,"outputTokens":1,
                      "totalTokens":31,"costMicrocents":100,"chargeMicrocents":150,"models":["a","b","c","d","e"],"trend":[1,2]},
                     {"name":"bob","team":null,"teams":[],"users":1,"requests":2,"inputTokens":20,"outputTokens":3,
                      "totalTokens":23,"costMicrocents":400,"chargeMicrocents":600,"models":["a"],"trend":[2,0]},
                     {"name":"dan","team":"ops","teams":["ops"],"users":1,"requests":1,"inputTokens":10,"outputTokens":2,
                      "totalTokens":12,"costMicrocents":100,"chargeMicrocents":150,"models":[],"trend":[1,0]}]}
            """;

    private static UsageSelection selection(UsageSelection.View view, String search, UsageSelection.Sort sort, boolean descending) {
        TimeRange range = new TimeRange(TimeRange.Preset.CUSTOM, Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-03T00:00:00Z"),
                LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-02"));
        return new UsageSelection(view, range, "acme", List.of("key_1"), List.of("env:prod"), List.of(), search, sort, descending, false);
    }

    private static JsonNode answer() throws Exception {
        return Json.mapper().readTree(ANSWER);
    }

    @Test
    void theCardsAreTheServicesTotalsAndTheRowsAreSortedAndSearchedAsSelected() throws Exception {
        UsageView byCost = UsageView.of(selection(UsageSelection.View.USER, "", UsageSelection.Sort.COST, true), answer());
        assertThat(byCost.kpis().requests()).isEqualTo(6);
        assertThat(byCost.kpis().avgRequestsPerUser()).isEqualTo("2.00");
        assertThat(byCost.rows()).extracting(UsageView.Row::name).containsExactly("bob", "ann", "dan"); // equal costs by name

        UsageView fewestOutput = UsageView.of(selection(UsageSelection.View.USER, "", UsageSelection.Sort.OUTPUT, false), answer());
        assertThat(fewestOutput.rows()).extracting(UsageView.Row::name).containsExactly("ann", "dan", "bob");

        UsageView searched = UsageView.of(selection(UsageSelection.View.USER, "AN", UsageSelection.Sort.REQUESTS, true), answer());
        assertThat(searched.rows()).extracting(UsageView.Row::name).containsExactly("ann", "dan");
        assertThat(searched.allRows()).isEqualTo(3);
        assertThat(searched.kpis().requests()).as("the search narrows the table, not the totals").isEqualTo(6);
    }

    @Test
    void aRowShowsThreeModelsAndCountsTheRestAndDrawsItsTrend() throws Exception {
        UsageView.Row ann = UsageView.of(selection(UsageSelection.View.USER, "ann", UsageSelection.Sort.COST, true), answer()).rows().getFirst();
        assertThat(ann.shownModels()).containsExactly("a", "b", "c");
        assertThat(ann.moreModels()).containsExactly("d", "e");
        assertThat(ann.sparkline()).isEqualTo("0.0,12.0 100.0,2.0");
    }

    @Test
    void theTeamChartStacksRequestsPerTeamAndBucket() throws Exception {
        UsageView view = UsageView.of(selection(UsageSelection.View.TEAM, "", UsageSelection.Sort.COST, true), answer());
        JsonNode chart = Json.mapper().readTree(view.activityChart());
        assertThat(chart.path("stacked").asBoolean()).isTrue();
        assertThat(chart.path("series").get(0).path("name").asText()).isEqualTo("core");
        assertThat(chart.path("series").get(0).path("values").toString()).isEqualTo("[3,2]");
        assertThat(chart.path("series").get(1).path("values").toString()).isEqualTo("[1,0]");
    }

    @Test
    void theFingerprintChangesWithTheFigures() throws Exception {
        UsageSelection selection = selection(UsageSelection.View.USER, "", UsageSelection.Sort.COST, true);
        String before = UsageView.of(selection, answer()).fingerprint();
        assertThat(UsageView.of(selection, answer()).fingerprint()).isEqualTo(before);
        JsonNode more = Json.mapper().readTree(ANSWER.replace("\"requests\":6", "\"requests\":7"));
        assertThat(UsageView.of(selection, more).fingerprint()).isNotEqualTo(before);
    }

    @Test
    void linksKeepTheFiltersAndTheCsvAndLiveStreamTheWholeSelection() {
        UsageSelection selection = selection(UsageSelection.View.USER, "an n", UsageSelection.Sort.INPUT, false);
        assertThat(selection.viewLink(UsageSelection.View.TEAM)).isEqualTo(
                "/console/usage?range=custom&from=2026-11-01&to=2026-11-02&customer=acme&apiKey=key_1&tag=env%3Aprod&view=team");
        assertThat(selection.csvLink()).isEqualTo(
                "/console/usage.csv?range=custom&from=2026-11-01&to=2026-11-02&customer=acme&apiKey=key_1&tag=env%3Aprod&view=user&q=an%20n&sort=input&dir=asc");
        assertThat(selection.liveLink("abc")).startsWith("/console/usage/live?").endsWith("&dir=asc&since=abc");
    }
}
