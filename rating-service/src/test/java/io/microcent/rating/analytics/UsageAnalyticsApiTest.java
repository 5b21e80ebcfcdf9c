package io.microcent.rating.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.RatedUsage;
import io.microcent.platform.http.HttpServer;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.test.TestContexts;
import io.microcent.rating.rollups.HourlyRollups;
import io.microcent.rating.rollups.RatedUsages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.microcent.rating.rollups.RatedUsages.newCustomer;
import static io.microcent.rating.rollups.RatedUsages.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The Usage page's API ({@code /v1/analytics/usage}, {@code /v1/analytics/dimensions}) and the activity series'
 * tag breakdown and filters, over the hourly rollups fed through {@code usage.rated} on a real broker and
 * database. Its usage is in June 2032, a window no other test writes to, so totals over all customers are exact.
 */
class UsageAnalyticsApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** 2032-06-10 00:00Z to 2032-06-12 00:00Z: 48 hours, so hourly buckets unless asked otherwise. */
    private static final String WINDOW = "from=2032-06-10&to=2032-06-11";

    private static final CustomerId ACME = newCustomer();
    private static final CustomerId GLOBEX = newCustomer();

    private static ServiceContext context;
    private static HourlyRollups rollups;
    private static HttpServer http;
    private static OperatorApi api;

    @BeforeAll
    static void startRollupsAndApiWithUsage() {
        context = TestContexts.forService("rating");
        context.database().migrate("rating");
        rollups = HourlyRollups.start(context);
        http = HttpServer.start("127.0.0.1", 0, List.of(AnalyticsApi.routes(context.operatorAuth(), context.database().dsl(),
                Clock.systemUTC())), Map.of(), context.meters());
        api = OperatorApi.on(http.port());

        RatedUsages.publish(context.kafkaBootstrap(), juneUsage());
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(usageOf(ACME, "").path("kpis").path("requests").asLong()).isEqualTo(20);
            assertThat(usageOf(GLOBEX, "").path("kpis").path("requests").asLong()).isEqualTo(7);
        });
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.close();
        }
        if (rollups != null) {
            rollups.close();
        }
    }

    /**
     * Acme in the window: 20 requests of users ada, bob and carol, usage without a user, and a correction line of
     * dave's (no requests, 10 microcents); plus usage just before and after the window, and Globex's 7 requests.
     */
    private static List<RatedUsage> juneUsage() {
        List<RatedUsage> usage = new ArrayList<>();
        usage.add(usage(ACME, Instant.parse("2032-06-09T23:59:59Z")).user("ada").team("ml").model("openai", "gpt-4o")
                .requests(100).cost(1_000, 0).build());
        usage.add(usage(ACME, Instant.parse("2032-06-10T09:15:00Z")).user("ada").team("ml").model("openai", "gpt-4o")
                .apiKey("key-prod").tags("env:prod", "feature:chat").requests(3).tokens(1_000, 200, 50, 0).cost(3_000, 6_000).build());
        usage.add(usage(ACME, Instant.parse("2032-06-10T10:30:00Z")).user("ada").team("research").model("anthropic", "claude-sonnet-4")
                .apiKey("key-prod").tags("env:prod").requests(1).tokens(500, 100, 0, 20).cost(5_000, 9_000).build());
        usage.add(usage(ACME, Instant.parse("2032-06-10T10:45:00Z")).user("bob").team("ml").model("openai", "gpt-4o-mini")
                .apiKey("key-batch").requests(10).tokens(2_000, 1_000, 0, 0).cost(900, 1_000).build());
        usage.add(usage(ACME, Instant.parse("2032-06-11T08:00:00Z")).model("openai", "gpt-4o")
                .apiKey("key-batch").tags("env:staging").requests(2).tokens(10, 10, 0, 0).cost(100, 200).build());
        usage.add(usage(ACME, Instant.parse("2032-06-11T12:00:00Z")).user("dave").team("ml").model("openai", "gpt-4o")
                .requests(0).cost(10, 10).build());
        usage.add(usage(ACME, Instant.parse("2032-06-11T23:00:00Z")).user("carol").team("ml").model("openai", "gpt-4o")
                .tags("feature:chat").requests(4).tokens(40, 4, 0, 0).cost(400, 800).build());
        usage.add(usage(ACME, Instant.parse("2032-06-12T00:00:00Z")).user("ada").team("ml").model("openai", "gpt-4o")
                .requests(100).cost(1_000, 0).build());
        usage.add(usage(GLOBEX, Instant.parse("2032-06-10T09:00:00Z")).user("zed").team("ml").model("openai", "gpt-4o")
                .requests(7).cost(70, 70).build());
        return usage;
    }

    @Test
    void theKpisAreTheWindowsTotalsWithActiveUsersAndAnExactAverage() {
        JsonNode report = usageOf(ACME, "");

        assertThat(report.path("view").asText()).isEqualTo("user");
        assertThat(report.path("from").asText()).isEqualTo("2032-06-10T00:00:00Z");
        assertThat(report.path("to").asText()).isEqualTo("2032-06-12T00:00:00Z");
        JsonNode kpis = report.path("kpis");
        assertThat(kpis.path("activeUsers").asLong()).as("ada, bob and carol; not dave, who made no request").isEqualTo(3);
        assertThat(kpis.path("avgRequestsPerUser").asText()).isEqualTo("6.67");
        assertThat(figures(kpis)).containsExactly(20L, 3_550L, 1_314L, 50L, 20L, 4_934L, 9_410L, 17_010L);
    }

    @Test
    void upTo48HoursTheBucketsAreHoursEveryOneOfThemInOrderZerosIncluded() {
        JsonNode report = usageOf(ACME, "");

        assertThat(report.path("bucket").asText()).isEqualTo("hour");
        JsonNode buckets = report.path("buckets");
        assertThat(buckets).hasSize(48);
        assertThat(buckets.path(0).path("start").asText()).isEqualTo("2032-06-10T00:00:00Z");
        assertThat(buckets.path(47).path("start").asText()).isEqualTo("2032-06-11T23:00:00Z");
        assertThat(buckets.path(0).path("requests").asLong()).isZero();
        assertThat(buckets.path(0).path("teams")).isEmpty();
        JsonNode nine = buckets.path(9);
        assertThat(List.of(nine.path("start").asText(), nine.path("requests").asLong(), nine.path("activeUsers").asLong()))
                .containsExactly("2032-06-10T09:00:00Z", 3L, 1L);
        assertThat(buckets.path(10).path("requests").asLong()).isEqualTo(11);
        assertThat(buckets.path(36).path("costMicrocents").asLong()).as("dave's correction at 12:00 on the 11th").isEqualTo(10);
        long requests = 0;
        for (JsonNode bucket : buckets) {
            requests += bucket.path("requests").asLong();
        }
        assertThat(requests).isEqualTo(20);
        for (JsonNode row : report.path("rows")) {
            assertThat(row.path("trend")).hasSize(48);
        }
    }

    @Test
    void dailyBucketsCarryActiveUsersAndEachTeamsRequestsAndCost() {
        JsonNode report = usageOf(ACME, "&bucket=day");

        assertThat(report.path("bucket").asText()).isEqualTo("day");
        JsonNode buckets = report.path("buckets");
        assertThat(buckets).extracting(b -> b.path("start").asText(), b -> b.path("activeUsers").asLong(),
                        b -> b.path("requests").asLong(), b -> b.path("costMicrocents").asLong())
                .containsExactly(tuple("2032-06-10T00:00:00Z", 2L, 14L, 8_900L), tuple("2032-06-11T00:00:00Z", 1L, 6L, 510L));
        assertThat(buckets.path(0).path("teams")).extracting(t -> t.path("team").asText(), t -> t.path("requests").asLong(),
                t -> t.path("costMicrocents").asLong()).containsExactly(tuple("ml", 13L, 3_900L), tuple("research", 1L, 5_000L));
        assertThat(buckets.path(1).path("teams")).extracting(t -> t.path("team").asText(), t -> t.path("requests").asLong(),
                t -> t.path("costMicrocents").asLong()).containsExactly(tuple("(none)", 2L, 100L), tuple("ml", 4L, 410L));
    }

    @Test
    void theUserViewHasOneRowPerUserMostExpensiveFirstWithTeamsModelsAndTrend() {
        JsonNode rows = usageOf(ACME, "&bucket=day").path("rows");

        assertThat(rows).extracting(r -> r.path("name").asText(), r -> r.path("requests").asLong(),
                        r -> r.path("costMicrocents").asLong(), r -> r.path("users").asLong())
                .containsExactly(tuple("ada", 4L, 8_000L, 1L), tuple("bob", 10L, 900L, 1L), tuple("carol", 4L, 400L, 1L),
                        tuple("(none)", 2L, 100L, 0L), tuple("dave", 0L, 10L, 0L));
        JsonNode ada = rows.path(0);
        assertThat(ada.path("team").asText()).as("the team of most of ada's requests").isEqualTo("ml");
        assertThat(texts(ada.path("teams"))).containsExactly("ml", "research");
        assertThat(texts(ada.path("models"))).as("most expensive first").containsExactly("claude-sonnet-4", "gpt-4o");
        assertThat(longs(ada.path("trend"))).containsExactly(4L, 0L);
        assertThat(figures(ada)).containsExactly(4L, 1_500L, 300L, 50L, 20L, 1_870L, 8_000L, 15_000L);
        JsonNode none = rows.path(3);
        assertThat(none.path("team").isNull()).as("usage without a user named no team").isTrue();
        assertThat(none.path("teams")).isEmpty();
        assertThat(texts(none.path("models"))).containsExactly("gpt-4o");
        assertThat(longs(none.path("trend"))).containsExactly(0L, 2L);
    }

    @Test
    void theTeamViewHasOneRowPerTeamWithItsDistinctActiveUsers() {
        JsonNode report = usageOf(ACME, "&view=team&bucket=day");

        assertThat(report.path("view").asText()).isEqualTo("team");
        assertThat(report.path("rows")).extracting(r -> r.path("name").asText(), r -> r.path("users").asLong(),
                        r -> r.path("requests").asLong(), r -> r.path("costMicrocents").asLong(), r -> longs(r.path("trend")))
                .containsExactly(tuple("research", 1L, 1L, 5_000L, List.of(1L, 0L)),
                        tuple("ml", 3L, 17L, 4_310L, List.of(13L, 4L)),
                        tuple("(none)", 0L, 2L, 100L, List.of(0L, 2L)));
        assertThat(texts(report.path("rows").path(1).path("teams"))).containsExactly("ml");
        assertThat(texts(report.path("rows").path(1).path("models"))).containsExactly("gpt-4o", "gpt-4o-mini");
        assertThat(report.path("kpis").path("activeUsers").asLong()).isEqualTo(3);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "&bucket=day", "&view=team", "&view=team&bucket=day", "&tag=env:prod", "&team=ml&view=team",
            "&apiKey=key-batch&bucket=day"})
    void theRowsAndTheBucketsAddUpToTheKpisExactly(String query) {
        JsonNode report = usageOf(ACME, query);

        long[] rows = new long[8];
        for (JsonNode row : report.path("rows")) {
            List<Long> figures = figures(row);
            for (int i = 0; i < rows.length; i++) {
                rows[i] += figures.get(i);
            }
            assertThat(longs(row.path("trend")).stream().mapToLong(Long::longValue).sum()).isEqualTo(row.path("requests").asLong());
        }
        assertThat(rows).containsExactly(figures(report.path("kpis")).stream().mapToLong(Long::longValue).toArray());
        long bucketRequests = 0;
        long bucketCost = 0;
        for (JsonNode bucket : report.path("buckets")) {
            bucketRequests += bucket.path("requests").asLong();
            bucketCost += bucket.path("costMicrocents").asLong();
            long teamRequests = 0;
            for (JsonNode team : bucket.path("teams")) {
                teamRequests += team.path("requests").asLong();
            }
            assertThat(teamRequests).isEqualTo(bucket.path("requests").asLong());
        }
        assertThat(bucketRequests).isEqualTo(report.path("kpis").path("requests").asLong());
        assertThat(bucketCost).isEqualTo(report.path("kpis").path("costMicrocents").asLong());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            &tag=env:prod                          | 4
            &tag=env:prod&tag=env:staging          | 6
            &tag=(none)                            | 10
            &team=ml&tag=feature:chat              | 7
            &apiKey=key-batch                      | 12
            &apiKey=key-batch&apiKey=key-prod      | 16
            &team=research                         | 1
            &team=(none)                           | 2
            &tag=env:nowhere                       | 0
            """)
    void filtersAreOrWithinAndAndAcross(String filters, long requests) {
        assertThat(usageOf(ACME, filters).path("kpis").path("requests").asLong()).isEqualTo(requests);
    }

    @Test
    void aTeamFilterKeepsTheUsersUsageInThatTeamOnly() {
        JsonNode rows = usageOf(ACME, "&team=research").path("rows");

        assertThat(rows).extracting(r -> r.path("name").asText(), r -> r.path("requests").asLong(), r -> texts(r.path("teams")))
                .containsExactly(tuple("ada", 1L, List.of("research")));
    }

    @Test
    void withoutUsageEveryBucketIsZeroAndThereAreNoRowsNorAnAverage() {
        JsonNode report = usageOf(newCustomer(), "&bucket=day");

        assertThat(report.path("buckets")).hasSize(2).allSatisfy(b -> assertThat(b.path("requests").asLong()).isZero());
        assertThat(report.path("rows")).isEmpty();
        assertThat(report.path("kpis").path("activeUsers").asLong()).isZero();
        assertThat(report.path("kpis").has("avgRequestsPerUser")).isTrue();
        assertThat(report.path("kpis").path("avgRequestsPerUser").isNull()).isTrue();
    }

    @Test
    void instantsAreWidenedToWholeHoursAndWithoutACustomerEveryCustomerCounts() {
        JsonNode report = api.get("/v1/analytics/usage?from=2032-06-10T09:30:00Z&to=2032-06-10T10:15:00Z").body();

        assertThat(report.path("from").asText()).isEqualTo("2032-06-10T09:00:00Z");
        assertThat(report.path("to").asText()).isEqualTo("2032-06-10T11:00:00Z");
        assertThat(report.path("buckets")).extracting(b -> b.path("requests").asLong()).containsExactly(10L, 11L);
        assertThat(report.path("kpis").path("activeUsers").asLong()).as("ada, bob and Globex's zed").isEqualTo(3);
    }

    @Test
    void theDimensionsAreTheRangesDistinctValuesSorted() {
        JsonNode acme = api.get("/v1/analytics/dimensions?" + WINDOW + "&customer=" + ACME).body();

        assertThat(texts(acme.path("apiKeys"))).containsExactly("key-batch", "key-prod");
        assertThat(texts(acme.path("teams"))).containsExactly("ml", "research");
        assertThat(texts(acme.path("tags"))).containsExactly("env:prod", "env:staging", "feature:chat");
        assertThat(acme.path("users").asLong()).isEqualTo(3);
        assertThat(texts(acme.path("customers"))).containsExactly(ACME.raw());

        JsonNode all = api.get("/v1/analytics/dimensions?" + WINDOW).body();
        assertThat(texts(all.path("customers"))).containsExactlyInAnyOrder(ACME.raw(), GLOBEX.raw()).isSorted();
        assertThat(all.path("users").asLong()).isEqualTo(4);

        JsonNode empty = api.get("/v1/analytics/dimensions?from=2032-06-01&to=2032-06-01&customer=" + ACME).body();
        assertThat(empty.path("apiKeys")).isEmpty();
        assertThat(empty.path("customers")).isEmpty();
        assertThat(empty.path("users").asLong()).isZero();
    }

    @Test
    void activityByTagCountsUsageUnderEachOfItsTagsAndWithoutTagsUnderNone() {
        JsonNode activity = api.get("/v1/analytics/activity?" + WINDOW + "&groupBy=tag&customer=" + ACME).body().path("activity");

        JsonNode tenth = activity.path(0);
        assertThat(tenth.path("requestCount").asLong()).as("the day's real total").isEqualTo(14);
        assertThat(tenth.path("breakdown")).extracting(e -> e.path("label").asText(), e -> e.path("requestCount").asLong())
                .containsExactly(tuple("env:prod", 4L), tuple("feature:chat", 3L), tuple("(none)", 10L));
        JsonNode eleventh = activity.path(1);
        assertThat(eleventh.path("requestCount").asLong()).isEqualTo(6);
        assertThat(eleventh.path("costMicrocents").asLong()).isEqualTo(510);
        assertThat(eleventh.path("breakdown")).extracting(e -> e.path("label").asText(), e -> e.path("costMicrocents").asLong())
                .containsExactly(tuple("feature:chat", 400L), tuple("env:staging", 100L), tuple("(none)", 10L));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            &tag=feature:chat                       | 7  | 3400
            &tag=feature:chat&user=carol            | 4  | 400
            &model=gpt-4o&model=gpt-4o-mini         | 19 | 4410
            &user=(none)                            | 2  | 100
            &project=(none)&apiKey=key-prod         | 4  | 8000
            &project=nothing                        | 0  | 0
            """)
    void activityFiltersAreOrWithinAndAndAcross(String filters, long requests, long cost) {
        JsonNode activity = api.get("/v1/analytics/activity?" + WINDOW + "&customer=" + ACME + filters).body().path("activity");

        long sumRequests = 0;
        long sumCost = 0;
        for (JsonNode day : activity) {
            sumRequests += day.path("requestCount").asLong();
            sumCost += day.path("costMicrocents").asLong();
        }
        assertThat(List.of(sumRequests, sumCost)).containsExactly(requests, cost);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /v1/analytics/usage?to=2032-06-11                                  | from
            /v1/analytics/usage?from=2032-13-01&to=2032-06-11                  | from
            /v1/analytics/usage?from=2032-06-10T25:00:00Z&to=2032-06-11        | from
            /v1/analytics/usage?from=2032-06-11&to=2032-06-10                  | to
            /v1/analytics/usage?from=2032-06-10T10:00:00Z&to=2032-06-10T10:00:00Z | to
            /v1/analytics/usage?from=2031-06-10&to=2032-06-11                  | to
            /v1/analytics/usage?from=2032-06-10&to=2032-06-11&view=org         | view
            /v1/analytics/usage?from=2032-06-10&to=2032-06-11&bucket=week      | bucket
            /v1/analytics/usage?from=2032-06-10&to=2032-06-11&customer=-x      | customer
            /v1/analytics/usage?from=2032-06-10&to=2032-06-11&tag=Env:prod     | tag
            /v1/analytics/usage?from=2032-06-10&to=2032-06-11&tag=prod         | tag
            /v1/analytics/usage?from=2032-06-10&to=2032-06-11&team=            | team
            /v1/analytics/usage?from=2032-06-10&to=2032-06-11&apiKey=a%20b     | apiKey
            /v1/analytics/dimensions?from=2032-06-10                           | to
            /v1/analytics/activity?from=2032-06-10&to=2032-06-11&tag=nocolon   | tag
            /v1/analytics/activity?from=2032-06-10&to=2032-06-11&user=         | user
            /v1/analytics/activity?from=2032-06-10&to=2032-06-11&model=a%20b   | model
            """)
    void aBadParameterIsAnInvalidParameterProblemNamingIt(String pathAndQuery, String parameter) {
        OperatorApi.Response response = api.get(pathAndQuery.strip());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("code").asText()).isEqualTo("invalid_parameter");
        assertThat(response.errorFields()).containsExactly(parameter);
    }

    @Test
    void aBadTagFilterHasItsOwnCode() {
        JsonNode problem = api.get("/v1/analytics/usage?" + WINDOW + "&tag=Env:prod").body();

        assertThat(problem.path("errors").path(0).path("code").asText()).isEqualTo("invalid_tag");
    }

    @Test
    void theUsageApiIsForOperatorsOnly() {
        OperatorApi anonymous = api.withoutToken();

        assertThat(anonymous.get("/v1/analytics/usage?" + WINDOW).status()).isEqualTo(401);
        assertThat(anonymous.get("/v1/analytics/dimensions?" + WINDOW).status()).isEqualTo(401);
    }

    private static JsonNode usageOf(CustomerId customer, String query) {
        OperatorApi.Response response = api.get("/v1/analytics/usage?" + WINDOW + "&customer=" + customer + query);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    /** Requests, input, output, cache-read, cache-write and total tokens, cost and charge. */
    private static List<Long> figures(JsonNode node) {
        return List.of(node.path("requests").asLong(), node.path("inputTokens").asLong(), node.path("outputTokens").asLong(),
                node.path("cacheReadTokens").asLong(), node.path("cacheWriteTokens").asLong(), node.path("totalTokens").asLong(),
                node.path("costMicrocents").asLong(), node.path("chargeMicrocents").asLong());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asLong()));
        return values;
    }
}
