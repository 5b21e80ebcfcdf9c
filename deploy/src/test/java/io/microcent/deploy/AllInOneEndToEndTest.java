package io.microcent.deploy;

import io.microcent.platform.config.Env;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton through the real pipeline: the all-in-one with its embedded Kafka broker and
 * PostgreSQL, HTTP ingest, Kafka Streams rating, the caps topology and the invoicing projection.
 */
class AllInOneEndToEndTest {

    private static final String TOKEN = "e2e-operator-token";
    /** The platform's clock reads November 2026 whenever the test runs, so the events are never "late". */
    private static final Clock NOVEMBER_2026 =
            Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse("2026-11-21T12:00:00Z")));

    @TempDir
    Path dataDir;

    @Test
    void rates_1523_november_requests_on_starter_and_keeps_the_figures_across_a_restart() {
        Env env = env();
        try (AllInOne platform = AllInOne.start(env, NOVEMBER_2026)) {
            ApiClient api = awaitReady(platform);
            assertThat(api.post("/v1/customers", TOKEN, "{\"id\":\"acme\",\"name\":\"Acme Inc\",\"plan\":\"starter\"}").status())
                    .isEqualTo(201);
            ApiClient.Response key = api.post("/v1/api-keys", TOKEN, "{\"name\":\"prod\"}");
            assertThat(key.status()).isEqualTo(201);
            String secret = key.json().path("secret").asText();

            sendNovemberEvents(api, secret, "evt-", 1_523);

            awaitUsage(api, 1_523, 523, 5_230_000);
        }

        try (AllInOne restarted = AllInOne.start(env(), NOVEMBER_2026)) {
            ApiClient api = awaitReady(restarted);
            ApiClient.Response usage = api.get("/v1/customers/acme/usage?period=2026-11", TOKEN);
            assertUsage(usage, 1_523, 523, 5_230_000);

            // the pipeline still runs after the restart, and earlier usage is not counted again
            ApiClient.Response key = api.post("/v1/api-keys", TOKEN, "{\"name\":\"after-restart\"}");
            sendNovemberEvents(api, key.json().path("secret").asText(), "late-", 1);
            awaitUsage(api, 1_524, 524, 5_240_000);
        }
    }

    @Test
    void bad_input_gets_problem_json_with_a_stable_code() {
        try (AllInOne platform = AllInOne.start(env(), NOVEMBER_2026)) {
            ApiClient api = awaitReady(platform);

            ApiClient.Response malformed = api.post("/v1/customers", TOKEN, "{\"id\":");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.contentType()).startsWith("application/problem+json");
            assertThat(malformed.json().path("code").asText()).isEqualTo("malformed_json");

            ApiClient.Response unknownPlan = api.post("/v1/customers", TOKEN, "{\"id\":\"x1\",\"name\":\"X\",\"plan\":\"platinum\"}");
            assertThat(unknownPlan.status()).isEqualTo(422);
            assertThat(unknownPlan.json().path("code").asText()).isEqualTo("unknown_plan");

            ApiClient.Response noToken = api.get("/v1/customers/acme/usage?period=2026-11", null);
            assertThat(noToken.status()).isEqualTo(401);
            assertThat(noToken.json().path("code").asText()).isEqualTo("unauthenticated");

            ApiClient.Response badKey = api.post("/v1/events", "not-a-key", "[]");
            assertThat(badKey.status()).isEqualTo(401);

            ApiClient.Response badPeriod = api.get("/v1/customers/acme/usage?period=November", TOKEN);
            assertThat(badPeriod.status()).isEqualTo(400);
            assertThat(badPeriod.json().path("code").asText()).isEqualTo("invalid_parameter");

            ApiClient.Response noRoute = api.get("/v1/nothing-here", TOKEN);
            assertThat(noRoute.status()).isEqualTo(404);
            assertThat(noRoute.json().path("code").asText()).isEqualTo("not_found");
        }
    }

    private Env env() {
        return new Env(Map.of(
                "MICROCENT_DATA_DIR", dataDir.toString(),
                "MICROCENT_PORT", "0",
                "MICROCENT_ADMIN_TOKEN", TOKEN));
    }

    private static ApiClient awaitReady(AllInOne platform) {
        ApiClient api = new ApiClient(platform.port());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/health/ready", null).status() == 200);
        return api;
    }

    /** Sends {@code count} one-request events spread over 1–20 November 2026, in batches like a gateway would. */
    private static void sendNovemberEvents(ApiClient api, String secret, String idPrefix, int count) {
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = start.plusSeconds(i * 1_000L);
            batch.add("{\"id\":\"" + idPrefix + i + "\",\"customer\":\"acme\",\"timestamp\":\"" + at
                    + "\",\"project\":\"chatbot\",\"provider\":\"openai\",\"model\":\"gpt-4o\",\"inputTokens\":100,\"outputTokens\":20}");
            if (batch.size() == 500 || i == count - 1) {
                ApiClient.Response response = api.post("/v1/events", secret, "[" + String.join(",", batch) + "]");
                assertThat(response.status()).as(response.json().toString()).isEqualTo(202);
                assertThat(response.json().path("accepted").asInt()).isEqualTo(batch.size());
                batch.clear();
            }
        }
    }

    private static void awaitUsage(ApiClient api, long requests, long overage, long charge) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertUsage(api.get("/v1/customers/acme/usage?period=2026-11", TOKEN), requests, overage, charge));
    }

    private static void assertUsage(ApiClient.Response usage, long requests, long overage, long charge) {
        assertThat(usage.status()).isEqualTo(200);
        assertThat(usage.json().path("customer").asText()).isEqualTo("acme");
        assertThat(usage.json().path("period").asText()).isEqualTo("2026-11");
        assertThat(usage.json().path("includedRequests").asLong()).isEqualTo(1_000);
        assertThat(usage.json().path("requests").asLong()).isEqualTo(requests);
        assertThat(usage.json().path("overageRequests").asLong()).isEqualTo(overage);
        assertThat(usage.json().path("chargeMicrocents").asLong()).isEqualTo(charge);
    }
}
