package io.microcent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.deploy.Microcent.Figures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Spend caps through the real pipeline, across the end of a month: a hard cap makes {@code /v1/authorize}
 * refuse calls once the month's provider cost would pass it, while usage over it is still taken, rated
 * and billed; a soft cap only alerts; every threshold alerts once, signed, to the customer's webhook;
 * and on the first of December the customer may call again while November's spend stays as it was.
 */
class CapsEndToEndTest {

    private static final Clock NOVEMBER_30_2300 = TestPlatform.clockAt("2026-11-30T23:00:00Z");
    private static final Clock DECEMBER_1_0030 = TestPlatform.clockAt("2026-12-01T00:30:00Z");
    private static final Instant CALL_TIME = Instant.parse("2026-11-30T23:00:00Z");
    private static final String CUSTOMER = "initech";
    private static final String NOVEMBER = "2026-11";

    /** 40,000 gpt-4o input tokens at 2.5 µ¢: every call costs 100,000 µ¢ (10 cents). */
    private static final long CALL_INPUT_TOKENS = 40_000;
    private static final long CALL_COST = 100_000;
    /** What authorize holds per call against these cost caps: 40,000 input × 2.5 + 1,000 output × 10, nothing per request. */
    private static final long MAX_OUTPUT_TOKENS = 1_000;
    private static final long WORST_CASE = 110_000;
    private static final long SOFT_AMOUNT = 1_000_000;
    private static final long HARD_AMOUNT = 1_500_000;

    @TempDir
    Path dataDir;

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void a_hard_cap_refuses_calls_at_its_amount_while_usage_over_it_is_billed_thresholds_alert_once_and_december_starts_afresh() {
        String hardCap;
        String ingestKey;
        try (TestPlatform november = TestPlatform.start(dataDir, NOVEMBER_30_2300)) {
            Microcent api = november.api();
            priceGpt4o(api);
            api.registerCustomer(CUSTOMER, "starter");
            ingestKey = api.ingestKeyFor(CUSTOMER);
            JsonNode webhook = created(api.post("/v1/webhooks", "{\"url\":\"" + receiver.url() + "\",\"customer\":\"" + CUSTOMER + "\"}"));
            String softCap = createCap(api, "soft", SOFT_AMOUNT, "[50,80,100]").path("id").asText();
            JsonNode hard = createCap(api, "hard", HARD_AMOUNT, "[90]");
            hardCap = hard.path("id").asText();
            assertThat(hard.path("thresholds")).as("a hard cap always announces its block").extracting(JsonNode::asInt).containsExactly(90, 100);

            // Calls 1–14 are each authorized first and carry their reservation. The soft cap passes 100 %
            // at call 10 and blocks nothing: calls 11–14 are still allowed.
            for (int call = 1; call <= 14; call++) {
                JsonNode allowed = call == 1 ? awaitCapsApplied(api, ingestKey) : authorize(api, ingestKey, CALL_INPUT_TOKENS, MAX_OUTPUT_TOKENS);
                assertThat(allowed.path("allowed").asBoolean()).as("call %d allowed", call).isTrue();
                assertThat(allowed.path("reservedMicrocents").asLong()).isEqualTo(WORST_CASE);
                assertThat(allowed.path("remainingMicrocents").asLong()).isEqualTo(HARD_AMOUNT - (call - 1) * CALL_COST - WORST_CASE);
                sendCall(api, ingestKey, call, allowed.path("reservationId").asText());
                awaitCounted(api, hardCap, call * CALL_COST);
            }

            // Call 15's worst case would pass the hard cap: refused, naming the hard cap only.
            JsonNode refused = authorize(api, ingestKey, CALL_INPUT_TOKENS, MAX_OUTPUT_TOKENS);
            assertThat(refused.path("allowed").asBoolean()).isFalse();
            assertThat(refused.path("blockedBy")).extracting(JsonNode::asText).containsExactly(hardCap);
            assertThat(refused.path("reservedMicrocents").asLong()).isZero();
            assertThat(refused.path("remainingMicrocents").asLong()).isEqualTo(HARD_AMOUNT - 14 * CALL_COST);

            // Usage still comes (a gateway that does not ask, a call dearer than estimated): calls 15–18 are
            // taken, rated and billed; call 15 reaches the cap, 16–18 go over it.
            for (int call = 15; call <= 18; call++) {
                sendCall(api, ingestKey, call, null);
            }
            api.awaitFigures(CUSTOMER, NOVEMBER, new Figures(18, 18 * CALL_COST, 0));
            awaitCounted(api, hardCap, 18 * CALL_COST);
            JsonNode blocked = authorize(api, ingestKey, 0, 0);
            assertThat(blocked.path("allowed").asBoolean()).as("now even the smallest call is refused").isFalse();
            assertThat(blocked.path("blockedBy")).extracting(JsonNode::asText).containsExactly(hardCap);
            JsonNode hardNow = Microcent.ok(api.get("/v1/caps/" + hardCap)).path("current");
            assertThat(hardNow.path("period").asText()).isEqualTo(NOVEMBER);
            assertThat(hardNow.path("status").asText()).isEqualTo("blocked");

            // Each threshold alerted once, when it was crossed, signed, and never again after more usage.
            await().atMost(Microcent.PIPELINE_TIMEOUT).until(() -> receiver.deliveries().size() >= 5);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries().size() == 5);
            String secret = webhook.path("secret").asText();
            // signatures carry real time, as receivers check them against their own clock, whatever the platform's says
            assertThat(receiver.deliveries()).allSatisfy(delivery -> {
                assertThat(delivery.signedWith(secret, Instant.now())).as("signature %s", delivery.signature()).isTrue();
                assertThat(delivery.eventId()).isEqualTo(delivery.json().path("id").asText());
            });
            assertThat(receiver.deliveries()).extracting(WebhookReceiver.Delivery::json)
                    .extracting(alert -> alert.path("type").asText(), alert -> alert.path("data").path("capId").asText(),
                            alert -> alert.path("data").path("thresholdPercent").asInt(),
                            alert -> alert.path("data").path("spentMicrocents").asLong(),
                            alert -> alert.path("data").path("blocked").asBoolean())
                    .containsExactlyInAnyOrder(
                            tuple("cap.threshold_crossed", softCap, 50, 500_000L, false),
                            tuple("cap.threshold_crossed", softCap, 80, 800_000L, false),
                            tuple("cap.threshold_crossed", softCap, 100, 1_000_000L, false),
                            tuple("cap.threshold_crossed", hardCap, 90, 1_400_000L, false),
                            tuple("cap.blocked", hardCap, 100, 1_500_000L, true));
            // the delivery log: each sent once and acknowledged (recorded just after the receiver answered)
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Microcent.ok(api.get("/v1/webhooks/" + webhook.path("id").asText() + "/deliveries")).path("deliveries"))
                            .hasSize(5)
                            .allSatisfy(delivery -> {
                                assertThat(delivery.path("status").asText()).isEqualTo("delivered");
                                assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
                            }));

            // a key of another customer may not ask for this one
            api.registerCustomer("other", "starter");
            assertThat(api.post("/v1/authorize", api.ingestKeyFor("other"), authorizeBody(0, 0)).status()).isEqualTo(403);
        }

        try (TestPlatform december = TestPlatform.start(dataDir, DECEMBER_1_0030)) {
            Microcent api = december.api();
            // December is a new period: the cap starts from zero
            JsonNode allowed = awaitAnswer(api, ingestKey);
            assertThat(allowed.path("allowed").asBoolean()).isTrue();
            assertThat(allowed.path("remainingMicrocents").asLong()).isEqualTo(HARD_AMOUNT - WORST_CASE);
            JsonNode hardNow = Microcent.ok(api.get("/v1/caps/" + hardCap)).path("current");
            assertThat(hardNow.path("period").asText()).isEqualTo("2026-12");
            assertThat(hardNow.path("status").asText()).isEqualTo("allowed");
            assertThat(hardNow.path("spentMicrocents").asLong()).isZero();
            // and November's spend is what it was
            assertThat(api.spent(CUSTOMER, NOVEMBER)).isEqualTo(new Figures(18, 18 * CALL_COST, 0));
            assertThat(api.invoiced(CUSTOMER, NOVEMBER)).isEqualTo(new Figures(18, 18 * CALL_COST, 0));
            assertThat(receiver.deliveries()).as("no alert sent again after the restart").hasSize(5);
        }
    }

    /** gpt-4o at $2.5 per million input and $10 per million output tokens, from November on, in effect for rating and caps. */
    private static void priceGpt4o(Microcent api) {
        Microcent.ok(api.put("/v1/price-book/models/gpt-4o", """
                {"provider":"openai","effectiveFrom":"2026-11-01T00:00:00Z","inputPerToken":"0.0000025","outputPerToken":"0.00001"}"""));
        api.awaitRatingPrices("openai", "gpt-4o", CALL_TIME);
    }

    /**
     * The first authorize waits until caps apply both caps and price gpt-4o: caps and prices reach the caps
     * topology moments after their APIs answered. The answers before that hold nothing against the hard
     * cap (no cap applies yet: no reservation; only the soft one: held against it alone; the default
     * per-token price: refused), so asking again is safe.
     */
    private static JsonNode awaitCapsApplied(Microcent api, String ingestKey) {
        return await().atMost(Microcent.PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> authorize(api, ingestKey, CALL_INPUT_TOKENS, MAX_OUTPUT_TOKENS),
                        answer -> answer.path("reservedMicrocents").asLong() == WORST_CASE
                                && answer.path("remainingMicrocents").asLong() == HARD_AMOUNT - WORST_CASE);
    }

    private static JsonNode awaitAnswer(Microcent api, String ingestKey) {
        return await().atMost(Microcent.PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> api.post("/v1/authorize", ingestKey, authorizeBody(CALL_INPUT_TOKENS, MAX_OUTPUT_TOKENS)),
                        response -> response.status() == 200)
                .json();
    }

    private static JsonNode authorize(Microcent api, String ingestKey, long inputTokens, long maxOutputTokens) {
        return Microcent.ok(api.post("/v1/authorize", ingestKey, authorizeBody(inputTokens, maxOutputTokens)));
    }

    private static String authorizeBody(long inputTokens, long maxOutputTokens) {
        return "{\"customer\":\"" + CUSTOMER + "\",\"model\":\"gpt-4o\",\"estimatedInputTokens\":" + inputTokens
                + ",\"maxOutputTokens\":" + maxOutputTokens + "}";
    }

    private static void sendCall(Microcent api, String ingestKey, int call, String reservationId) {
        var event = UsageEvents.llmCall("call-" + call, CUSTOMER, CALL_TIME.plusSeconds(call), "openai", "gpt-4o", CALL_INPUT_TOKENS, 0);
        if (reservationId != null) {
            event.put("reservationId", reservationId);
        }
        api.sendEvents(ingestKey, List.of(event));
    }

    /**
     * Waits until the hard cap counted the usage so far and released its reservations, as the next decision
     * will see them. (Caps' customer spend, {@code /v1/customers/{id}/spend}, is a separate store that may
     * be a moment ahead of the caps' own figures.)
     */
    private static void awaitCounted(Microcent api, String capId, long costMicrocents) {
        await().atMost(Microcent.PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode current = Microcent.ok(api.get("/v1/caps/" + capId)).path("current");
            return current.path("spentMicrocents").asLong() == costMicrocents && current.path("reservedMicrocents").asLong() == 0;
        });
    }

    private static JsonNode createCap(Microcent api, String mode, long amount, String thresholds) {
        return created(api.post("/v1/caps", "{\"customer\":\"" + CUSTOMER + "\",\"scope\":\"customer\",\"amountMicrocents\":" + amount
                + ",\"period\":\"month\",\"measure\":\"cost\",\"mode\":\"" + mode + "\",\"thresholds\":" + thresholds + "}"));
    }

    private static JsonNode created(ApiClient.Response response) {
        assertThat(response.status()).as(response.json().toString()).isEqualTo(201);
        return response.json();
    }
}
