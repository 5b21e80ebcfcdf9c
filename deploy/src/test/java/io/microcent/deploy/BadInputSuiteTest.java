package io.microcent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microcent.deploy.BadRequest.Expectation;
import io.microcent.deploy.BadRequestSender.Outcome;
import io.microcent.deploy.Microcent.Figures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static io.microcent.deploy.JsonBytes.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

/**
 * More than 10,000 bad requests through the real pipeline, then proof that none did harm. Generated from
 * one seed ({@code -Dbadinput.seed=…} to try another; every failure message names it), plus reproductions
 * of bugs found by hand, verbatim. Over the whole run:
 * <ul>
 *   <li>no answer is 5xx, and every bad request is refused with application/problem+json carrying a
 *       {@code code}, naming no library internals;</li>
 *   <li>no invalid event is taken: the {@code quarantine} customer, which only ever receives invalid
 *       events, and the unknown customers stay at zero in usage, spend, breakdown and analytics; nothing
 *       the other APIs were sent was created;</li>
 *   <li>the pipeline still runs: {@code acme}'s valid usage, sent before and after, is counted exactly in
 *       usage, spend, breakdown and analytics; every customer can still be authorized and its spend read;
 *       {@code /health/ready} is 200.</li>
 * </ul>
 * Topics have one partition here, so every record is processed in the order it was produced: once
 * {@code acme}'s last usage is counted, everything sent before it has been processed too, and "still
 * zero" means "zero for good".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputSuiteTest {

    private static final long SEED = Long.getLong("badinput.seed", 20_261_201L);
    private static final Clock NOVEMBER_21 = TestPlatform.clockAt("2026-11-21T12:00:00Z");
    private static final String NOVEMBER = "2026-11";
    private static final String NORMAL = "acme";
    private static final String QUARANTINE = "quarantine";
    private static final String OVERFLOW = "ovf";
    private static final int CONCURRENCY = 8;
    private static final Duration SEND_BOUND = Duration.ofMinutes(4);
    /** acme's valid usage before and after the bad requests: an unpriced model (cost 0), 100 + 20 tokens a call. */
    private static final int VALID_BEFORE = 700;
    private static final int VALID_AFTER = 700;
    /** Starter: 1,000 requests included, then 10,000 µ¢ each. */
    private static final Figures NORMAL_FIGURES = new Figures(VALID_BEFORE + VALID_AFTER, 0, (VALID_BEFORE + VALID_AFTER - 1_000) * 10_000L);

    @TempDir
    static Path dataDir;

    private int port;
    private TestPlatform platform;
    private Microcent api;
    private String ingestKey;
    private final List<Outcome> outcomes = new ArrayList<>();
    /** Why acme's figures did not reach {@link #NORMAL_FIGURES} in time, or null once they did. */
    private Map<String, String> unsettled;

    @BeforeAll
    void sendEverything() {
        port = freeLoopbackPort();
        platform = TestPlatform.start(dataDir, NOVEMBER_21, Map.of("MICROCENT_TOPIC_PARTITIONS", "1", "MICROCENT_PORT", String.valueOf(port),
                "MICROCENT_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "false")); // the default: private webhook URLs are refused
        api = platform.api();
        for (String customer : List.of(NORMAL, QUARANTINE, OVERFLOW)) {
            api.registerCustomer(customer, "starter");
        }
        ApiClient.Response key = api.post("/v1/api-keys", "{\"name\":\"any-customer-gateway\"}");
        assertThat(key.status()).as(key.json().toString()).isEqualTo(201);
        ingestKey = key.json().path("secret").asText();
        // o1-pro at $150 / $600 per million tokens: 10,000 calls of 10^12 + 10^12 tokens would cost 7.5 × 10^18 µ¢
        Microcent.ok(api.put("/v1/price-book/models/o1-pro", """
                {"provider":"openai","effectiveFrom":"2026-11-01T00:00:00Z","inputPerToken":"0.00015","outputPerToken":"0.0006"}"""));
        for (String customer : List.of(NORMAL, OVERFLOW)) {
            ApiClient.Response cap = api.post("/v1/caps", "{\"customer\":\"" + customer + "\",\"scope\":\"customer\","
                    + "\"amountMicrocents\":1000000000000000,\"period\":\"month\",\"measure\":\"cost\",\"mode\":\"soft\",\"thresholds\":[100]}");
            assertThat(cap.status()).as(cap.json().toString()).isEqualTo(201);
        }

        api.sendEvents(ingestKey, validCalls("before-", VALID_BEFORE));
        List<BadRequest> generated = BadInputCases.all(new BadInputCases.Setting(
                TestPlatform.OPERATOR_TOKEN, ingestKey, QUARANTINE, NORMAL, NOVEMBER_21.instant(), SEED));
        try (BadRequestSender sender = new BadRequestSender(port, CONCURRENCY)) {
            outcomes.addAll(sender.sendAll(generated, SEND_BOUND));
            outcomes.addAll(sender.sendAll(reproductions(), SEND_BOUND));
        }
        api.sendEvents(ingestKey, validCalls("after-", VALID_AFTER));

        unsettled = Eventually.failingAfter(Microcent.PIPELINE_TIMEOUT, Map.of(
                "usage", () -> assertThat(api.invoiced(NORMAL, NOVEMBER)).isEqualTo(NORMAL_FIGURES),
                "spend", () -> assertThat(api.spent(NORMAL, NOVEMBER)).isEqualTo(NORMAL_FIGURES),
                "breakdown", () -> assertThat(api.brokenDown(NORMAL, NOVEMBER)).isEqualTo(NORMAL_FIGURES),
                "analytics", () -> assertThat(activityTotals(NORMAL)).isEqualTo(analyticsOf(NORMAL_FIGURES))));
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void the_suite_sends_at_least_10000_bad_requests() {
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(10_000);
        assertThat(outcomes.stream().map(outcome -> outcome.request().name()).distinct().count())
                .as("every case has its own name").isEqualTo(outcomes.size());
    }

    @Test
    void every_bad_request_is_answered_and_none_with_a_server_error() {
        assertAll(
                () -> Refusals.ANSWERED.assertHeldFor(outcomes, SEED),
                () -> Refusals.NO_SERVER_ERROR.assertHeldFor(outcomes, SEED));
    }

    @Test
    void every_bad_request_is_refused_with_the_status_it_must_get() {
        assertAll(
                () -> Refusals.REFUSED.assertHeldFor(outcomes, SEED),
                () -> Refusals.EXPECTED_STATUS.assertHeldFor(outcomes, SEED));
    }

    @Test
    void every_refusal_is_problem_json_with_a_code() {
        assertAll(
                () -> Refusals.PROBLEM_JSON.assertHeldFor(outcomes, SEED),
                () -> Refusals.EXPECTED_CODE.assertHeldFor(outcomes, SEED),
                () -> Refusals.ALLOW_HEADER.assertHeldFor(outcomes, SEED));
    }

    @Test
    void no_answer_names_library_internals() {
        Refusals.NO_INTERNALS.assertHeldFor(outcomes, SEED);
    }

    /** The reproductions on their own, so that each shows by name whatever the rest of the run does. */
    @Test
    void the_reproductions_are_refused() {
        List<Outcome> reproductions = outcomes.stream().filter(outcome -> outcome.request().name().startsWith("reproduction/")).toList();
        assertThat(reproductions).hasSize(REPRODUCED_FIELDS.size() * REPRODUCED_CHARACTERS.size() + 2);
        assertAll(
                () -> Refusals.EXPECTED_STATUS.assertHeldFor(reproductions, SEED),
                () -> Refusals.PROBLEM_JSON.assertHeldFor(reproductions, SEED),
                () -> Refusals.NO_INTERNALS.assertHeldFor(reproductions, SEED));
    }

    @Test
    void no_invalid_event_leaves_a_trace_and_nothing_bad_was_created() {
        Map<String, Runnable> checks = new LinkedHashMap<>();
        for (String customer : tracedCustomers()) {
            for (String view : List.of("usage", "spend", "usage/breakdown")) {
                checks.put(customer + " " + view, () -> assertNothingCounted("/v1/customers/" + customer + "/" + view + "?period=" + NOVEMBER));
            }
            checks.put(customer + " analytics", () -> assertThat(activity(customer).path("activity")).isEmpty());
        }
        // whatever customer an invalid event named (also ones no query can name): only acme's usage is anywhere
        checks.put("analytics of all customers", () -> assertThat(activityTotals(null)).isEqualTo(analyticsOf(NORMAL_FIGURES)));
        checks.put("customers", () -> assertThat(Microcent.ok(api.get("/v1/customers")).path("customers"))
                .extracting(customer -> customer.path("id").asText()).containsExactlyInAnyOrder(NORMAL, QUARANTINE, OVERFLOW));
        checks.put("api keys", () -> assertThat(Microcent.ok(api.get("/v1/api-keys")).path("keys"))
                .extracting(k -> k.path("name").asText()).containsExactly("any-customer-gateway"));
        checks.put("caps", () -> assertThat(Microcent.ok(api.get("/v1/caps")).path("caps"))
                .extracting(cap -> cap.path("customer").asText()).containsExactlyInAnyOrder(NORMAL, OVERFLOW));
        checks.put("webhooks", () -> assertThat(Microcent.ok(api.get("/v1/webhooks")).path("webhooks")).isEmpty());
        Map<String, String> traces = new LinkedHashMap<>();
        if (!unsettled.isEmpty()) {
            traces.put("pipeline", "acme's usage sent after the bad requests was not all counted, so what was sent before it "
                    + "may not all have been processed yet: " + unsettled.keySet());
        }
        traces.putAll(Eventually.failingAfter(Duration.ZERO, checks));
        Eventually.assertNoneFailing("traces of bad requests", traces);
    }

    @Test
    void the_normal_customers_usage_is_counted_in_usage_spend_breakdown_and_analytics() {
        Eventually.assertNoneFailing("acme's " + NORMAL_FIGURES.requests() + " valid calls, some before and some after the bad "
                + "requests, not counted after " + Microcent.PIPELINE_TIMEOUT, unsettled);
    }

    @Test
    void every_customer_can_still_be_authorized_and_its_spend_read() {
        Map<String, Runnable> checks = new LinkedHashMap<>();
        for (String customer : List.of(NORMAL, QUARANTINE, OVERFLOW)) {
            checks.put("authorize " + customer, () -> {
                ApiClient.Response answer = api.post("/v1/authorize", "{\"customer\":\"" + customer
                        + "\",\"model\":\"o1-pro\",\"estimatedInputTokens\":1000,\"maxOutputTokens\":1000}");
                assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
                assertThat(answer.json().path("allowed").asBoolean()).as(answer.json().toString()).isTrue();
            });
            checks.put("spend " + customer, () -> Microcent.ok(api.get("/v1/customers/" + customer + "/spend?period=" + NOVEMBER)));
        }
        Eventually.assertNoneFailing("not answered as for any customer", Eventually.failingAfter(Duration.ZERO, checks));
    }

    @Test
    void the_platform_is_still_ready() {
        ApiClient.Response ready = api.get("/health/ready");
        assertThat(ready.status()).as(ready.json().toString()).isEqualTo(200);
    }

    // ---- reproductions, verbatim ------------------------------------------------------------------------

    private static final List<String> REPRODUCED_FIELDS = List.of("project", "team", "user", "costCenter");
    /** NUL, BEL, ESC and DEL as JSON escapes, and NUL as the overlong bytes C0 80. */
    private static final Map<String, byte[]> REPRODUCED_CHARACTERS = reproducedCharacters();

    private static Map<String, byte[]> reproducedCharacters() {
        Map<String, byte[]> characters = new LinkedHashMap<>();
        characters.put("NUL", ascii("\"a\\u0000\""));
        characters.put("BEL", ascii("\"a\\u0007\""));
        characters.put("ESC", ascii("\"a\\u001b\""));
        characters.put("DEL", ascii("\"a\\u007f\""));
        characters.put("overlong-C080", JsonBytes.stringWithBytes("a", JsonBytes.hex("C080"), ""));
        return characters;
    }

    /**
     * {@code {"id":"n1","customer":"acme","timestamp":"<now>","project":"a\u0000"}} and its kin for team, user
     * and cost center; then customer {@code ovf}'s two batches of 10,000 calls of 10^12 input and 10^12
     * output tokens, which overflow a period's cost. All refused 422, but the overlong bytes: 400, the body is not UTF-8.
     */
    private List<BadRequest> reproductions() {
        List<BadRequest> reproductions = new ArrayList<>();
        String now = NOVEMBER_21.instant().toString();
        for (String field : REPRODUCED_FIELDS) {
            for (var character : REPRODUCED_CHARACTERS.entrySet()) {
                byte[] event = JsonBytes.concat(ascii("{\"id\":\"n1\",\"customer\":\"acme\",\"timestamp\":\"" + now + "\",\"" + field + "\":"),
                        character.getValue(), ascii("}"));
                // a body that is not well-formed UTF-8 is not JSON at all (RFC 8259): 400 malformed_json, before any field is read
                Expectation refusal = character.getKey().startsWith("overlong")
                        ? Expectation.status(400).withCode("malformed_json") : Expectation.status(422);
                reproductions.add(BadRequest.post("reproduction/" + field + "/" + character.getKey(), "/v1/events", ingestKey, event)
                        .expecting(refusal).forCustomer(NORMAL));
            }
        }
        for (int batch = 0; batch < 2; batch++) {
            int first = batch * Microcent.MAX_EVENTS_PER_REQUEST;
            List<byte[]> events = IntStream.range(first, first + Microcent.MAX_EVENTS_PER_REQUEST).mapToObj(i -> ascii(
                    "{\"id\":\"ovf-" + i + "\",\"customer\":\"ovf\",\"timestamp\":\"" + now + "\",\"provider\":\"openai\",\"model\":\"o1-pro\","
                            + "\"inputTokens\":1000000000000,\"outputTokens\":1000000000000}")).toList();
            reproductions.add(BadRequest.post("reproduction/ovf/batch-" + (batch + 1), "/v1/events", ingestKey, JsonBytes.array(events))
                    .expecting(Expectation.status(422)).forCustomer(OVERFLOW));
        }
        return reproductions;
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** A port to run the platform on, known before it starts: the raw requests need it, and TestPlatform keeps its own. */
    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<ObjectNode> validCalls(String idPrefix, int count) {
        Instant now = NOVEMBER_21.instant();
        return IntStream.range(0, count).mapToObj(i -> UsageEvents.llmCall(idPrefix + i, NORMAL, now.minusSeconds(count - i),
                "acme-ai", "in-house-7b", 100, 20).put("project", "chatbot")).toList();
    }

    /** The customers that bad events were sent for by a name a query can use, other than acme. */
    private Set<String> tracedCustomers() {
        Set<String> customers = new LinkedHashSet<>(List.of(QUARANTINE, OVERFLOW));
        outcomes.stream().map(outcome -> outcome.request().customer())
                .filter(customer -> customer != null && !customer.equals(NORMAL))
                .forEach(customers::add);
        return customers;
    }

    /** {@code path} answers figures that are all zero, or 404 for a customer that does not exist: nothing was counted. */
    private void assertNothingCounted(String path) {
        ApiClient.Response answer = api.get(path);
        if (answer.status() == 404) {
            return;
        }
        JsonNode figures = Microcent.ok(answer);
        assertThat(List.of(figures.path("requests").asLong(), figures.path("costMicrocents").asLong(), figures.path("chargeMicrocents").asLong()))
                .as("%s: %s", path, figures).containsOnly(0L);
        assertThat(figures.path("models")).as("%s: %s", path, figures).isEmpty();
    }

    /** requests, cost, charge and total tokens of November's activity; {@code customer} null: all customers. */
    private List<Long> activityTotals(String customer) {
        long requests = 0;
        long cost = 0;
        long charge = 0;
        long tokens = 0;
        for (JsonNode day : activity(customer).path("activity")) {
            requests += day.path("requestCount").asLong();
            cost += day.path("costMicrocents").asLong();
            charge += day.path("chargeMicrocents").asLong();
            tokens += day.path("totalTokens").asLong();
        }
        return List.of(requests, cost, charge, tokens);
    }

    private static List<Long> analyticsOf(Figures figures) {
        return List.of(figures.requests(), figures.costMicrocents(), figures.chargeMicrocents(), figures.requests() * 120);
    }

    private JsonNode activity(String customer) {
        return Microcent.ok(api.get("/v1/analytics/activity?from=2026-11-01&to=2026-11-30" + (customer == null ? "" : "&customer=" + customer)));
    }
}
