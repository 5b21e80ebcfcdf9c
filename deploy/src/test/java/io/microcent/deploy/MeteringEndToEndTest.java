package io.microcent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microcent.deploy.Microcent.Figures;
import io.microcent.deploy.Microcent.Ingested;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import static io.microcent.deploy.UsageEvents.event;
import static io.microcent.deploy.UsageEvents.llmCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Usage in, money out, through the real pipeline: validation refuses a batch whole, repeats are billed
 * once, token costs come from the price book to the microcent, and the analytics agree with the bill.
 * One all-in-one for the class, one customer per test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeteringEndToEndTest {

    private static final Clock NOVEMBER_21 = TestPlatform.clockAt("2026-11-21T12:00:00Z");
    private static final String NOVEMBER = "2026-11";
    private static final Instant NOVEMBER_5 = Instant.parse("2026-11-05T09:00:00Z");
    /** gpt-4o at LiteLLM's prices: 100 input tokens × 2.5 µ¢ + 20 output tokens × 10 µ¢. */
    private static final long CHATBOT_CALL_COST = 450;

    @TempDir
    static Path dataDir;

    private TestPlatform platform;
    private Microcent api;
    private JsonNode catalogImport;

    @BeforeAll
    void startWithLiteLlmPrices() {
        platform = TestPlatform.start(dataDir, NOVEMBER_21);
        api = platform.api();
        catalogImport = Microcent.ok(api.post("/v1/price-book/import?effectiveFrom=2026-11-01T00:00:00Z", resource("/price-book/litellm-sample.json")));
        api.awaitRatingPrices("openai", "gpt-4o", NOVEMBER_5);
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void a_batch_with_one_bad_event_is_refused_whole_naming_the_event_and_field_and_none_of_it_is_billed() {
        String customer = customer("refused-batch");
        String key = api.ingestKeyFor(customer);
        List<ObjectNode> batch = new ArrayList<>(UsageEvents.chatbotCalls(customer, "evt-", 3, NOVEMBER_5, Duration.ofMinutes(1)));
        batch.set(1, batch.get(1).deepCopy().put("inputTokens", -5));

        ApiClient.Response refused = api.post("/v1/events", key, UsageEvents.array(batch));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("code").asText()).isEqualTo("validation_failed");
        assertThat(refused.json().path("errors")).extracting(e -> e.path("index").asInt(), e -> e.path("field").asText(), e -> e.path("code").asText())
                .containsExactly(tuple(1, "inputTokens", "negative"));

        // A later call of the same customer is rated after anything of the refused batch would have been
        // (one customer, one partition, in order): once it is billed, nothing else of the batch ever will be.
        api.sendEvents(key, UsageEvents.chatbotCalls(customer, "later-", 1, NOVEMBER_5, Duration.ZERO));
        api.awaitFigures(customer, NOVEMBER, new Figures(1, CHATBOT_CALL_COST, 0));

        // the refusal recorded nothing as seen: the corrected batch is accepted whole
        batch.set(1, batch.get(1).deepCopy().put("inputTokens", 100));
        assertThat(api.sendEvents(key, batch)).isEqualTo(new Ingested(3, 0));
        api.awaitFigures(customer, NOVEMBER, new Figures(4, 4 * CHATBOT_CALL_COST, 0));
    }

    @Test
    void the_same_batch_sent_twice_is_billed_once() {
        String customer = customer("sent-twice");
        String key = api.ingestKeyFor(customer);
        List<ObjectNode> batch = UsageEvents.chatbotCalls(customer, "evt-", 25, NOVEMBER_5, Duration.ofMinutes(1));

        assertThat(api.sendEvents(key, batch)).isEqualTo(new Ingested(25, 0));
        assertThat(api.sendEvents(key, batch)).isEqualTo(new Ingested(0, 25));
        // and an id repeated inside one request counts once; this call is also rated after the repeats would be
        ObjectNode later = UsageEvents.chatbotCalls(customer, "later-", 1, NOVEMBER_5, Duration.ZERO).getFirst();
        assertThat(api.sendEvents(key, List.of(later, later))).isEqualTo(new Ingested(1, 1));

        api.awaitFigures(customer, NOVEMBER, new Figures(26, 26 * CHATBOT_CALL_COST, 0));
    }

    @Test
    void token_costs_come_from_the_imported_catalog_and_an_override_exact_to_the_microcent() {
        // the default price book already prices gpt-4o and claude-sonnet-4-5 so: only azure/gpt-4o is new
        assertThat(catalogImport.path("imported").asInt()).isEqualTo(1);
        assertThat(catalogImport.path("unchanged").asInt()).isEqualTo(2);
        assertThat(catalogImport.path("skipped")).extracting(skipped -> skipped.path("key").asText())
                .containsExactlyInAnyOrder("sample_spec", "dall-e-3");
        Microcent.ok(api.put("/v1/price-book/models/home-grown-7b", """
                {"provider":"acme-ai","effectiveFrom":"2026-11-01T00:00:00Z","inputPerToken":"0.0000001","outputPerToken":"0.0000004"}"""));
        api.awaitRatingPrices("acme-ai", "home-grown-7b", NOVEMBER_5);

        String customer = customer("priced");
        String key = api.ingestKeyFor(customer);
        Function<String, ObjectNode> at = id -> event(id, customer, NOVEMBER_5);
        api.sendEvents(key, List.of(
                // 1,200 × 2.5 + 300 × 10 = 6,000
                llmCall("openai-1", customer, NOVEMBER_5, "openai", "gpt-4o", 1_200, 300),
                // 2.5 each, rounded once per call, half to even: 2 + 2
                llmCall("openai-2", customer, NOVEMBER_5, "openai", "gpt-4o", 1, 0),
                llmCall("openai-3", customer, NOVEMBER_5, "openai", "gpt-4o", 1, 0),
                // 1,000 cache reads × 1.25 = 1,250
                at.apply("openai-4").put("provider", "openai").put("model", "gpt-4o").put("cacheReadTokens", 1_000),
                // azure's own entry wins over the bare model id: 1,000 × 2.75 + 100 × 11 = 3,850
                llmCall("azure-1", customer, NOVEMBER_5, "azure", "gpt-4o", 1_000, 100),
                // 1,000 × 3 + 10,000 cache reads × 0.3 + 2,000 cache writes × 3.75 + 500 × 15 = 21,000
                llmCall("anthropic-1", customer, NOVEMBER_5, "anthropic", "claude-sonnet-4-5", 1_000, 500)
                        .put("cacheReadTokens", 10_000).put("cacheWriteTokens", 2_000),
                // a prompt over 200k tokens: every token at the long-context prices, 250,000 × 6 + 100 × 22.5
                llmCall("anthropic-2", customer, NOVEMBER_5, "anthropic", "claude-sonnet-4-5", 250_000, 100),
                // the override: 1,000,000 × 0.1 + 250,000 × 0.4 = 200,000
                llmCall("own-1", customer, NOVEMBER_5, "acme-ai", "home-grown-7b", 1_000_000, 250_000)));

        long total = 6_000 + 2 + 2 + 1_250 + 3_850 + 21_000 + 1_502_250 + 200_000;
        api.awaitFigures(customer, NOVEMBER, new Figures(8, total, 0));
        assertThat(api.breakdown(customer, NOVEMBER).path("models"))
                .extracting(m -> m.path("model").asText(), m -> m.path("provider").asText(), m -> m.path("requests").asLong(),
                        m -> m.path("inputTokens").asLong(), m -> m.path("outputTokens").asLong(),
                        m -> m.path("cacheReadTokens").asLong(), m -> m.path("cacheWriteTokens").asLong(),
                        m -> m.path("costMicrocents").asLong())
                .containsExactly( // most expensive first
                        tuple("claude-sonnet-4-5", "anthropic", 2L, 251_000L, 600L, 10_000L, 2_000L, 1_523_250L),
                        tuple("home-grown-7b", "acme-ai", 1L, 1_000_000L, 250_000L, 0L, 0L, 200_000L),
                        tuple("gpt-4o", "openai", 4L, 1_202L, 300L, 1_000L, 0L, 7_254L),
                        tuple("gpt-4o", "azure", 1L, 1_000L, 100L, 0L, 0L, 3_850L));
    }

    @Test
    void activity_by_model_and_by_project_reconciles_with_each_other_and_with_the_bill() {
        String customer = customer("analytics");
        String key = api.ingestKeyFor(customer);
        // 1,010 calls over 3 days: gpt-4o and claude in turn, a fifth without a project, the rest in two projects
        List<ObjectNode> calls = IntStream.range(0, 1_010).mapToObj(i -> {
            Instant at = Instant.parse("2026-11-03T08:00:00Z").plus(Duration.ofDays(i % 3)).plusSeconds(i);
            ObjectNode call = i % 2 == 0
                    ? llmCall("call-" + i, customer, at, "openai", "gpt-4o", 100, 20)
                    : llmCall("call-" + i, customer, at, "anthropic", "claude-sonnet-4-5", 100, 20);
            return i % 5 == 0 ? call : call.put("project", i % 5 <= 2 ? "chatbot" : "search");
        }).toList();
        api.sendEvents(key, calls);

        // gpt-4o: 100 × 2.5 + 20 × 10 = 450; claude: 100 × 3 + 20 × 15 = 600; 10 requests over Starter's 1,000 at $0.01
        Map<String, Long> costByModel = sumBy(calls, call -> call.path("model").asText());
        Map<String, Long> costByProject = sumBy(calls, call -> call.path("project").asText("(none)"));
        assertThat(costByModel).containsEntry("gpt-4o", 505 * 450L).containsEntry("claude-sonnet-4-5", 505 * 600L);
        Figures bill = new Figures(1_010, 505 * 450L + 505 * 600L, 10 * 10_000L);
        api.awaitFigures(customer, NOVEMBER, bill);

        await().atMost(Microcent.PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode byModel = activity(customer, "model");
            JsonNode byProject = activity(customer, "project");
            assertThat(byModel.path("activity")).extracting(day -> day.path("date").asText())
                    .containsExactly("2026-11-03", "2026-11-04", "2026-11-05");
            // the same days with the same totals, whatever the grouping
            assertThat(dayTotals(byProject)).isEqualTo(dayTotals(byModel));
            for (JsonNode report : List.of(byModel, byProject)) {
                for (JsonNode day : report.path("activity")) {
                    assertThat(sumOfBreakdown(day)).as("breakdown of %s", day.path("date").asText()).isEqualTo(Totals.of(day));
                }
            }
            // over the window: the bill, and the token counts sent
            Totals window = dayTotals(byModel).values().stream().reduce(Totals.ZERO, Totals::plus);
            assertThat(window).isEqualTo(new Totals(bill.requests(), bill.costMicrocents(), bill.chargeMicrocents(), 1_010 * 120L));
            assertThat(costPerLabel(byModel)).isEqualTo(costByModel);
            assertThat(costPerLabel(byProject)).isEqualTo(costByProject);
        });
    }

    private record Totals(long requests, long costMicrocents, long chargeMicrocents, long totalTokens) {
        static final Totals ZERO = new Totals(0, 0, 0, 0);

        static Totals of(JsonNode node) {
            return new Totals(node.path("requestCount").asLong(), node.path("costMicrocents").asLong(),
                    node.path("chargeMicrocents").asLong(), node.path("totalTokens").asLong());
        }

        Totals plus(Totals other) {
            return new Totals(requests + other.requests, costMicrocents + other.costMicrocents,
                    chargeMicrocents + other.chargeMicrocents, totalTokens + other.totalTokens);
        }
    }

    private JsonNode activity(String customer, String groupBy) {
        return Microcent.ok(api.get("/v1/analytics/activity?from=2026-11-01&to=2026-11-30&groupBy=" + groupBy + "&customer=" + customer));
    }

    private static Totals sumOfBreakdown(JsonNode day) {
        Totals sum = Totals.ZERO;
        for (JsonNode entry : day.path("breakdown")) {
            sum = sum.plus(Totals.of(entry));
        }
        return sum;
    }

    private static Map<String, Totals> dayTotals(JsonNode report) {
        Map<String, Totals> days = new LinkedHashMap<>();
        report.path("activity").forEach(day -> days.put(day.path("date").asText(), Totals.of(day)));
        return days;
    }

    private static Map<String, Long> costPerLabel(JsonNode report) {
        Map<String, Long> costs = new LinkedHashMap<>();
        report.path("activity").forEach(day -> day.path("breakdown").forEach(entry ->
                costs.merge(entry.path("label").asText(), entry.path("costMicrocents").asLong(), Long::sum)));
        return costs;
    }

    /** The provider cost of the calls per {@code label}: 450 µ¢ a gpt-4o call, 600 µ¢ a claude call (100 in, 20 out). */
    private static Map<String, Long> sumBy(List<ObjectNode> calls, Function<ObjectNode, String> label) {
        Map<String, Long> costs = new LinkedHashMap<>();
        calls.forEach(call -> costs.merge(label.apply(call), call.path("model").asText().equals("gpt-4o") ? 450L : 600L, Long::sum));
        return costs;
    }

    /** A new customer on Starter (1,000 requests included, then $0.01 each). */
    private String customer(String name) {
        api.registerCustomer(name, "starter");
        return name;
    }

    private static String resource(String name) {
        try (InputStream in = MeteringEndToEndTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
