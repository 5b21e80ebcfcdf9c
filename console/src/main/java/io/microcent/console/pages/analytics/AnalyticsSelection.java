package io.microcent.console.pages.analytics;

import io.microcent.console.api.Api;
import io.microcent.console.pages.usage.TimeRange;
import io.microcent.console.web.Choice;
import io.microcent.console.web.ConsoleRequest;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What an Analytics page shows, all of it in the URL: the window (the Usage page's control; the activity API
 * counts whole UTC days, so the last 24 hours are yesterday and today), the customer, the breakdown's dimension
 * and the measure the charts draw; on an API key's page, that key.
 */
public record AnalyticsSelection(TimeRange range, String customer, GroupBy groupBy, Metric metric, Optional<String> apiKey) {

    public enum GroupBy implements Choice {
        MODEL("model", "Model"), PROJECT("project", "Project"), API_KEY("apiKey", "API key"), USER("user", "Member"),
        TEAM("team", "Team"), COST_CENTER("costCenter", "Cost center"), TAG("tag", "Tag");

        private final String parameter;
        private final String label;

        GroupBy(String parameter, String label) {
            this.parameter = parameter;
            this.label = label;
        }

        @Override
        public String parameter() {
            return parameter;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** What the charts measure. */
    public enum Metric implements Choice {
        COST("cost", "Cost"), REQUESTS("requests", "Requests"), TOKENS("tokens", "Tokens");

        private final String parameter;
        private final String label;

        Metric(String parameter, String label) {
            this.parameter = parameter;
            this.label = label;
        }

        @Override
        public String parameter() {
            return parameter;
        }

        @Override
        public String label() {
            return label;
        }
    }

    public static AnalyticsSelection of(ConsoleRequest request, Clock clock, Optional<String> apiKey) {
        return new AnalyticsSelection(TimeRange.of(request, clock), request.param("customer").orElse(""),
                request.choice("groupBy", GroupBy.values(), GroupBy.MODEL), request.choice("metric", Metric.values(), Metric.COST),
                apiKey);
    }

    /** {@code GET /v1/analytics/activity}'s parameters. */
    public Api.Query activityQuery() {
        return Api.Query.of("from", range.fromDate().toString(), "to", range.toDate().toString(), "groupBy", groupBy.parameter(),
                "customer", customer).add("apiKey", apiKey.orElse(null));
    }

    /** This page's path: the organisation's analytics, or one key's. */
    public String path() {
        return apiKey.map(key -> AnalyticsArea.PATH + "/api-keys/" + Api.segment(key)).orElse(AnalyticsArea.PATH);
    }

    /** The same view with another measure. */
    public String link(Metric other) {
        return query(groupBy, other).on(path());
    }

    private Api.Query query(GroupBy group, Metric measure) {
        Api.Query query = Api.Query.none();
        range.addTo(query);
        return query.add("customer", customer).add("groupBy", group.parameter()).add("metric", measure.parameter());
    }

    /** The page of one key, in the same window and customer. */
    public String keyLink(String key) {
        return query(GroupBy.MODEL, metric).on(AnalyticsArea.PATH + "/api-keys/" + Api.segment(key));
    }

    /** The dimensions this page can break down by (a key's page: not by key). */
    public List<GroupBy> groupings() {
        return List.of(GroupBy.values()).stream().filter(g -> apiKey.isEmpty() || g != GroupBy.API_KEY).toList();
    }
}
