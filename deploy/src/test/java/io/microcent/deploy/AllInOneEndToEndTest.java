package io.microcent.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static io.microcent.deploy.TestPlatform.OPERATOR_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton through the real pipeline: the all-in-one with its embedded Kafka broker and
 * PostgreSQL, HTTP ingest, Kafka Streams rating, the caps topology and the invoicing projection.
 */
class AllInOneEndToEndTest {

    /** The platform's clock reads November 2026 whenever the test runs, so the events are never "late". */
    private static final Clock NOVEMBER_2026 = TestPlatform.clockAt("2026-11-21T12:00:00Z");
    private static final Instant NOVEMBER_1 = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void rates_1523_november_requests_on_starter_and_keeps_the_figures_across_a_restart() {
        try (TestPlatform platform = TestPlatform.start(dataDir, NOVEMBER_2026)) {
            Microcent api = platform.api();
            api.registerCustomer("acme", "starter");
            String key = api.ingestKeyFor("acme");

            api.sendEvents(key, UsageEvents.chatbotCalls("acme", "evt-", 1_523, NOVEMBER_1, Duration.ofSeconds(1_000)));

            awaitUsage(api, 1_523, 523, 5_230_000);
        }

        try (TestPlatform restarted = TestPlatform.start(dataDir, NOVEMBER_2026)) {
            Microcent api = restarted.api();
            assertUsage(api.get("/v1/customers/acme/usage?period=2026-11"), 1_523, 523, 5_230_000);

            // the pipeline still runs after the restart, and earlier usage is not counted again
            String key = api.ingestKeyFor("acme");
            api.sendEvents(key, UsageEvents.chatbotCalls("acme", "late-", 1, NOVEMBER_1, Duration.ofSeconds(1_000)));
            awaitUsage(api, 1_524, 524, 5_240_000);
        }
    }

    @Test
    void bad_input_gets_problem_json_with_a_stable_code() {
        try (TestPlatform platform = TestPlatform.start(dataDir, NOVEMBER_2026)) {
            Microcent api = platform.api();

            ApiClient.Response malformed = api.post("/v1/customers", "{\"id\":");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.contentType()).startsWith("application/problem+json");
            assertThat(malformed.json().path("code").asText()).isEqualTo("malformed_json");

            ApiClient.Response unknownPlan = api.post("/v1/customers", "{\"id\":\"x1\",\"name\":\"X\",\"plan\":\"platinum\"}");
            assertThat(unknownPlan.status()).isEqualTo(422);
            assertThat(unknownPlan.json().path("code").asText()).isEqualTo("unknown_plan");

            ApiClient.Response noToken = api.get("/v1/customers/acme/usage?period=2026-11", null);
            assertThat(noToken.status()).isEqualTo(401);
            assertThat(noToken.json().path("code").asText()).isEqualTo("unauthenticated");

            ApiClient.Response badKey = api.post("/v1/events", "not-a-key", "[]");
            assertThat(badKey.status()).isEqualTo(401);

            ApiClient.Response badPeriod = api.get("/v1/customers/acme/usage?period=November", OPERATOR_TOKEN);
            assertThat(badPeriod.status()).isEqualTo(400);
            assertThat(badPeriod.json().path("code").asText()).isEqualTo("invalid_parameter");

            ApiClient.Response noRoute = api.get("/v1/nothing-here");
            assertThat(noRoute.status()).isEqualTo(404);
            assertThat(noRoute.json().path("code").asText()).isEqualTo("not_found");
        }
    }

    private static void awaitUsage(Microcent api, long requests, long overage, long charge) {
        await().atMost(Microcent.PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertUsage(api.get("/v1/customers/acme/usage?period=2026-11"), requests, overage, charge));
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
