package io.microcent.console.pages.usage;

import io.microcent.console.api.Api;
import io.microcent.console.web.Choice;
import io.microcent.console.web.ConsoleRequest;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * What one Usage page shows, all of it in the URL: the view (per user or per team), the window, the customer,
 * the API keys, tags and teams filtered to, the table's search and sort, and whether live mode is on. The same
 * selection makes the API call, the page's links, the live stream and the CSV file, so they cannot disagree.
 */
public record UsageSelection(View view, TimeRange range, String customer, List<String> apiKeys, List<String> tags,
                             List<String> teams, String search, Sort sort, boolean descending, boolean live) {

    public static final String PATH = "/console/usage";

    public enum View implements Choice {
        USER("user", "By user"), TEAM("team", "By team");

        private final String parameter;
        private final String label;

        View(String parameter, String label) {
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

    /** The sortable columns of the breakdown. */
    public enum Sort implements Choice {
        REQUESTS("requests", "Requests"), INPUT("input", "Input"), OUTPUT("output", "Output"), COST("cost", "Cost");

        private final String parameter;
        private final String label;

        Sort(String parameter, String label) {
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

    public static UsageSelection of(ConsoleRequest request, Clock clock) {
        return new UsageSelection(request.choice("view", View.values(), View.USER), TimeRange.of(request, clock),
                request.param("customer").orElse(""),
                request.params("apiKey"), request.params("tag"), request.params("team"),
                request.param("q").orElse(""), request.choice("sort", Sort.values(), Sort.COST),
                !"asc".equals(request.param("dir").orElse("desc")), request.param("live").filter("on"::equals).isPresent());
    }

    /** {@code GET /v1/analytics/usage}'s parameters for this selection. */
    public Api.Query usageQuery() {
        return Api.Query.of("from", range.usageFrom(), "to", range.usageTo(), "view", view.parameter(),
                        "bucket", range.bucket(), "customer", customer)
                .addAll("apiKey", apiKeys).addAll("team", teams).addAll("tag", tags);
    }

    /** Every parameter of this selection, for a link to the page, the live stream or the CSV file. */
    public Api.Query query() {
        return filters().add("view", view.parameter()).add("q", search).add("sort", sort.parameter())
                .add("dir", descending ? "desc" : "asc").add("live", live ? "on" : null);
    }

    /** The window and filters alone: what the view toggle keeps when it changes the view. */
    private Api.Query filters() {
        Api.Query query = Api.Query.none();
        range.addTo(query);
        return query.add("customer", customer).addAll("apiKey", apiKeys).addAll("tag", tags).addAll("team", teams);
    }

    /** The page in {@code other} view, with the same window, filters and live mode (search and sort are per view). */
    public String viewLink(View other) {
        return filters().add("view", other.parameter()).add("live", live ? "on" : null).on(PATH);
    }

    public String pageLink() {
        return query().on(PATH);
    }

    public String csvLink() {
        return query().on(PATH + ".csv");
    }

    public String liveLink(String since) {
        return query().add("since", since).on(PATH + "/live");
    }

    /** {@code true} when the row named {@code name} (a user id, or a team) passes the table's search. */
    public boolean matches(String name) {
        return search.isEmpty() || name.toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT));
    }

    public String nameHeading() {
        return view == View.USER ? "User" : "Team";
    }
}
