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
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.microcent.rating.rollups.RatedUsages.newCustomer;
import static io.microcent.rating.rollups.RatedUsages.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The analytics API over the hourly rollups, fed through {@code usage.rated} on a real broker and database.
 * Its usage is in March 2031, a window no other test writes to, so totals over all customers are exact.
 */
class AnalyticsApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String WINDOW = "from=2031-03-10&to=2031-03-12";

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
        // the clock decides only the default period of a breakdown
        Clock march2031 = Clock.fixed(Instant.parse("2031-03-20T12:00:00Z"), ZoneOffset.UTC);
        http = HttpServer.start("127.0.0.1", 0, List.of(AnalyticsApi.routes(context.operatorAuth(), context.database().dsl(), march2031)),
                Map.of(), context.meters());
        api = OperatorApi.on(http.port());

        RatedUsages.publish(context.kafkaBootstrap(), marchUsage());
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(requests(api.get(breakdown(ACME, "2031-03")).body().path("models"))).isEqualTo(216);
            assertThat(requests(api.get(breakdown(ACME, "2031-04")).body().path("models"))).isEqualTo(4);
            assertThat(api.get("/v1/analytics/activity?" + WINDOW + "&customer=" + GLOBEX).body()
                    .path("activity").path(0).path("requestCount").asLong()).isEqualTo(7);
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
     * Acme's usage from 2031-03-10 to 2031-03-12 (UTC), 20 requests costing 12,750 and charged 25,000 microcents
     * with 6,070 tokens, plus usage just before and just after that window, and Globex's 7 requests on the 10th.
     */
    private static List<RatedUsage> marchUsage() {
        List<RatedUsage> usage = new ArrayList<>();
        usage.add(usage(ACME, Instant.parse("2031-03-09T23:59:59Z")).model("openai", "gpt-4o").requests(100).cost(1_000, 0).build());
        usage.add(usage(ACME, Instant.parse("2031-03-10T09:15:00Z")).model("openai", "gpt-4o").project("chatbot").costCenter("eng")
                .apiKey("key-prod").user("ada@acme.io").team("platform").requests(3).tokens(1_000, 200, 50, 0).cost(2_750, 10_000).build());
        usage.add(usage(ACME, Instant.parse("2031-03-10T23:30:00Z")).model("anthropic", "claude-sonnet-4").project("chatbot")
                .apiKey("key-prod").user("bob@acme.io").team("research").requests(1).tokens(500, 100, 0, 20).cost(3_100, 0).build());
        usage.add(usage(ACME, Instant.parse("2031-03-11T00:30:00Z")).model("openai", "gpt-4o-mini").project("batch")
                .apiKey("key-batch").requests(10).tokens(2_000, 1_000, 0, 0).cost(900, 5_000).build());
        usage.add(usage(ACME, Instant.parse("2031-03-11T08:00:00Z")).requests(2).cost(0, 2_000).build());
        // late usage: happened on the 12th, billed in April; activity follows event time
        usage.add(usage(ACME, Instant.parse("2031-03-12T12:00:00Z")).model("openai", "gpt-4o").project("chatbot").costCenter("eng")
                .apiKey("key-prod").user("ada@acme.io").team("platform").ratedIn("2031-04")
                .requests(4).tokens(800, 400, 0, 0).cost(6_000, 8_000).build());
        usage.add(usage(ACME, Instant.parse("2031-03-13T00:00:00Z")).model("openai", "gpt-4o").requests(100).cost(1_000, 0).build());
        usage.add(usage(GLOBEX, Instant.parse("2031-03-10T10:00:00Z")).model("openai", "gpt-4o").requests(7).cost(70, 70).build());
        return usage;
    }

    @Test
    void activityByModelIsADailySeriesOfUtcDaysWithTheMostExpensiveModelFirst() {
        OperatorApi.Response response = api.get("/v1/analytics/activity?" + WINDOW + "&groupBy=model&customer=" + ACME);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.body();
        assertThat(body.path("groupBy").asText()).isEqualTo("model");
        assertThat(body.path("from").asText()).isEqualTo("2031-03-10");
        assertThat(body.path("to").asText()).isEqualTo("2031-03-12");
        assertThat(dates(body)).containsExactly("2031-03-10", "2031-03-11", "2031-03-12");

        JsonNode tenth = body.path("activity").path(0);
        assertThat(totals(tenth)).containsExactly(5_850L, 10_000L, 4L, 1_870L);
        assertThat(labels(tenth)).containsExactly("claude-sonnet-4", "gpt-4o");
        assertThat(totals(tenth.path("breakdown").path(0))).containsExactly(3_100L, 0L, 1L, 620L);
        assertThat(totals(tenth.path("breakdown").path(1))).containsExactly(2_750L, 10_000L, 3L, 1_250L);

        JsonNode eleventh = body.path("activity").path(1);
        assertThat(totals(eleventh)).containsExactly(900L, 7_000L, 12L, 3_000L);
        assertThat(labels(eleventh)).containsExactly("gpt-4o-mini", "(none)");
    }

    /** By tag, usage with several tags counts under each: that breakdown is tested on tagged usage in UsageAnalyticsApiTest. */
    @ParameterizedTest(name = "groupBy={0}")
    @EnumSource(value = GroupBy.class, mode = EnumSource.Mode.EXCLUDE, names = "TAG")
    void theTotalsOfAWindowAreTheSameWhateverTheBreakdownIsGroupedBy(GroupBy groupBy) {
        JsonNode byModel = api.get("/v1/analytics/activity?" + WINDOW + "&groupBy=model&customer=" + ACME).body();
        JsonNode grouped = api.get("/v1/analytics/activity?" + WINDOW + "&groupBy=" + groupBy.parameter() + "&customer=" + ACME).body();

        List<List<Long>> dailyTotals = new ArrayList<>();
        long[] window = new long[4];
        for (JsonNode day : grouped.path("activity")) {
            List<Long> totals = totals(day);
            dailyTotals.add(totals);
            long[] breakdownSums = new long[4];
            for (JsonNode entry : day.path("breakdown")) {
                List<Long> entryTotals = totals(entry);
                for (int i = 0; i < 4; i++) {
                    breakdownSums[i] += entryTotals.get(i);
                }
            }
            assertThat(breakdownSums).as("the breakdown of %s adds up to its totals", day.path("date").asText())
                    .containsExactly(totals.stream().mapToLong(Long::longValue).toArray());
            for (int i = 0; i < 4; i++) {
                window[i] += totals.get(i);
            }
        }
        List<List<Long>> dailyTotalsByModel = new ArrayList<>();
        byModel.path("activity").forEach(day -> dailyTotalsByModel.add(totals(day)));

        assertThat(dailyTotals).isEqualTo(dailyTotalsByModel);
        assertThat(window).containsExactly(12_750L, 25_000L, 20L, 6_070L);
    }

    @Test
    void byCustomerEveryCustomerOfADayHasItsOwnEntryTheMostExpensiveFirst() {
        JsonNode tenth = api.get("/v1/analytics/activity?from=2031-03-10&to=2031-03-10&groupBy=customer").body().path("activity").path(0);

        // other test classes' customers may share the day; Acme's and Globex's entries are theirs alone
        List<String> labels = labels(tenth);
        assertThat(labels).contains(ACME.raw(), GLOBEX.raw());
        assertThat(labels.indexOf(ACME.raw())).isLessThan(labels.indexOf(GLOBEX.raw()));
        assertThat(totals(entry(tenth, ACME.raw()))).containsExactly(5_850L, 10_000L, 4L, 1_870L);
        assertThat(totals(entry(tenth, GLOBEX.raw()))).containsExactly(70L, 70L, 7L, 0L);
    }

    private static JsonNode entry(JsonNode day, String label) {
        for (JsonNode entry : day.path("breakdown")) {
            if (entry.path("label").asText().equals(label)) {
                return entry;
            }
        }
        throw new AssertionError("no entry " + label);
    }

    @Test
    void eachDimensionIsLabelledWithItsValuesAndUsageWithoutOneIsNone() {
        String tenth = "/v1/analytics/activity?from=2031-03-10&to=2031-03-10&customer=" + ACME + "&groupBy=";

        assertThat(labels(api.get(tenth + "user").body().path("activity").path(0))).containsExactly("bob@acme.io", "ada@acme.io");
        assertThat(labels(api.get(tenth + "team").body().path("activity").path(0))).containsExactly("research", "platform");
        assertThat(labels(api.get(tenth + "project").body().path("activity").path(0))).containsExactly("chatbot");
        assertThat(labels(api.get(tenth + "apiKey").body().path("activity").path(0))).containsExactly("key-prod");
        assertThat(labels(api.get(tenth + "costCenter").body().path("activity").path(0))).containsExactly("(none)", "eng");
    }

    @Test
    void withoutACustomerTheActivityCoversEveryCustomer() {
        JsonNode tenth = api.get("/v1/analytics/activity?from=2031-03-10&to=2031-03-10").body().path("activity").path(0);

        assertThat(totals(tenth)).containsExactly(5_920L, 10_070L, 11L, 1_870L);
        assertThat(labels(tenth)).containsExactly("claude-sonnet-4", "gpt-4o");
        assertThat(tenth.path("breakdown").path(1).path("requestCount").asLong()).isEqualTo(10);
    }

    @Test
    void aCustomersUsageBreakdownGivesTokensAndCostPerModelOfTheBillingPeriodMostExpensiveFirst() {
        OperatorApi.Response march = api.get(breakdown(ACME, "2031-03"));

        assertThat(march.status()).isEqualTo(200);
        assertThat(march.body().path("customer").asText()).isEqualTo(ACME.raw());
        assertThat(march.body().path("period").asText()).isEqualTo("2031-03");
        JsonNode models = march.body().path("models");
        assertThat(models).hasSize(4);
        assertThat(modelUsage(models.path(0))).containsExactly("gpt-4o", "openai", 203L, 1_000L, 200L, 50L, 0L, 4_750L, 10_000L);
        assertThat(modelUsage(models.path(1))).containsExactly("claude-sonnet-4", "anthropic", 1L, 500L, 100L, 0L, 20L, 3_100L, 0L);
        assertThat(modelUsage(models.path(2))).containsExactly("gpt-4o-mini", "openai", 10L, 2_000L, 1_000L, 0L, 0L, 900L, 5_000L);
        assertThat(models.path(3).has("model")).as("usage that named no model").isFalse();
        assertThat(models.path(3).has("provider")).isFalse();
        assertThat(models.path(3).path("chargeMicrocents").asLong()).isEqualTo(2_000);

        JsonNode april = api.get(breakdown(ACME, "2031-04")).body().path("models");
        assertThat(april).hasSize(1);
        assertThat(modelUsage(april.path(0))).containsExactly("gpt-4o", "openai", 4L, 800L, 400L, 0L, 0L, 6_000L, 8_000L);
    }

    @Test
    void withoutAPeriodTheBreakdownIsOfTheCurrentMonthAndACustomerWithoutUsageHasNoModels() {
        assertThat(api.get("/v1/customers/" + ACME + "/usage/breakdown").body().path("period").asText()).isEqualTo("2031-03");
        assertThat(api.get(breakdown(ACME, "2031-02")).body().path("models")).isEmpty();
        assertThat(api.get(breakdown(newCustomer(), "2031-03")).body().path("models")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/v1/analytics/activity?from=2031-03-32&to=2031-04-01            | from",
            "/v1/analytics/activity?to=2031-04-01                            | from",
            "/v1/analytics/activity?from=2031-03-10&to=03/12/2031            | to",
            "/v1/analytics/activity?from=2031-03-12&to=2031-03-10            | to",
            "/v1/analytics/activity?from=2030-03-10&to=2031-03-11            | to",
            "/v1/analytics/activity?from=2031-03-10&to=2031-03-12&groupBy=os | groupBy",
            "/v1/analytics/activity?from=2031-03-10&to=2031-03-12&customer=-x| customer",
            "/v1/customers/acme/usage/breakdown?period=2031-13               | period",
            "/v1/customers/-acme/usage/breakdown?period=2031-03              | id",
    })
    void aBadParameterIsAnInvalidParameterProblemNamingIt(String pathAndQuery, String parameter) {
        OperatorApi.Response response = api.get(pathAndQuery.strip());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("code").asText()).isEqualTo("invalid_parameter");
        assertThat(response.errorFields()).containsExactly(parameter);
    }

    @Test
    void theAnalyticsApiIsForOperatorsOnly() {
        OperatorApi anonymous = api.withoutToken();

        assertThat(anonymous.get("/v1/analytics/activity?" + WINDOW).status()).isEqualTo(401);
        assertThat(anonymous.get(breakdown(ACME, "2031-03")).status()).isEqualTo(401);
    }

    private static String breakdown(CustomerId customer, String period) {
        return "/v1/customers/" + customer + "/usage/breakdown?period=" + period;
    }

    private static long requests(JsonNode models) {
        long requests = 0;
        for (JsonNode model : models) {
            requests += model.path("requests").asLong();
        }
        return requests;
    }

    private static List<String> dates(JsonNode report) {
        List<String> dates = new ArrayList<>();
        report.path("activity").forEach(day -> dates.add(day.path("date").asText()));
        return dates;
    }

    private static List<String> labels(JsonNode day) {
        List<String> labels = new ArrayList<>();
        day.path("breakdown").forEach(entry -> labels.add(entry.path("label").asText()));
        return labels;
    }

    /** Cost, charge, requests and tokens of a day or a breakdown entry. */
    private static List<Long> totals(JsonNode node) {
        return List.of(node.path("costMicrocents").asLong(), node.path("chargeMicrocents").asLong(),
                node.path("requestCount").asLong(), node.path("totalTokens").asLong());
    }

    private static List<Object> modelUsage(JsonNode model) {
        return List.of(model.path("model").asText(), model.path("provider").asText(), model.path("requests").asLong(),
                model.path("inputTokens").asLong(), model.path("outputTokens").asLong(), model.path("cacheReadTokens").asLong(),
                model.path("cacheWriteTokens").asLong(), model.path("costMicrocents").asLong(), model.path("chargeMicrocents").asLong());
    }
}
