package io.microcent.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microcent.deploy.Microcent.Figures;
import io.microcent.deploy.Microcent.Ingested;
import io.microcent.platform.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash and restart between produce and rate loses nothing and counts nothing twice: usage Kafka has
 * acknowledged (answered 202) is rated exactly once whenever rating gets to it, and a client that sends
 * everything again after the crash is billed once.
 */
class CrashRecoveryEndToEndTest {

    /**
     * Both tests run on the real clock, as the forked platform does. (A test clock in the past would
     * stamp usage records earlier than the customer's plan record, which Kafka stamps with the real
     * clock, and rating, catching up in timestamp order, would meet the usage before the plan.)
     */
    private static final Clock REAL = Clock.systemUTC();
    /** Starter: 1,000 requests included, then $0.01 (10,000 µ¢) each. */
    private static final long OVERAGE_PRICE = 10_000;
    /** A chatbot call (100 gpt-4o input and 20 output tokens) at the default price book's prices: 100 × 2.5 + 20 × 10 µ¢. */
    private static final long CALL_COST = 450;

    @TempDir
    Path tempDir;

    @AfterEach
    void stopPostgresLeftByAKilledPlatform() {
        EmbeddedPostgres.stopLeftoverServer(dataDir());
    }

    @Test
    void usage_acknowledged_while_rating_is_down_is_rated_exactly_once_when_rating_starts() {
        String customer = "waiting";
        Instant at = aMinuteAgo();
        String period = periodOf(at);
        List<ObjectNode> events = UsageEvents.chatbotCalls(customer, "evt-", 1_500, at, Duration.ZERO);
        String key;
        try (TestPlatform withoutRating = TestPlatform.start(dataDir(), REAL, Map.of("MICROCENT_SERVICES", "invoicing,ingest,caps"))) {
            Microcent api = withoutRating.api();
            assertThat(Microcent.ok(api.get("/health/ready", null)).path("checks").properties())
                    .extracting(Map.Entry::getKey).containsExactly("invoicing", "ingest", "caps");
            assertThat(api.get("/v1/price-book/unpriced").status()).as("rating's API is not served").isEqualTo(404);
            api.registerCustomer(customer, "starter");
            key = api.ingestKeyFor(customer);

            assertThat(api.sendEvents(key, events)).isEqualTo(new Ingested(1_500, 0));
            assertThat(api.invoiced(customer, period)).isEqualTo(new Figures(0, 0, 0));
        }

        try (TestPlatform full = TestPlatform.start(dataDir(), REAL)) {
            Microcent api = full.api();
            api.awaitFigures(customer, period, new Figures(1_500, 1_500 * CALL_COST, 500 * OVERAGE_PRICE));

            assertThat(api.sendEvents(key, events)).isEqualTo(new Ingested(0, 1_500));
            // rated after the repeats would have been (one customer, one partition, in order)
            api.sendEvents(key, UsageEvents.chatbotCalls(customer, "later-", 1, at, Duration.ZERO));
            api.awaitFigures(customer, period, new Figures(1_501, 1_501 * CALL_COST, 501 * OVERAGE_PRICE));
        }
    }

    @Test
    void a_platform_killed_while_rating_and_mid_request_loses_nothing_and_counts_nothing_twice_when_the_client_sends_again() {
        String customer = "killed";
        Instant at = aMinuteAgo();
        String period = periodOf(at);
        List<ObjectNode> acknowledged = UsageEvents.chatbotCalls(customer, "evt-", 10_000, at, Duration.ZERO);
        List<ObjectNode> inFlight = UsageEvents.chatbotCalls(customer, "more-", 10_000, at, Duration.ZERO);
        String key;
        try (ForkedPlatform forked = ForkedPlatform.start(dataDir(), tempDir.resolve("forked-platform.log"))) {
            Microcent api = forked.api();
            api.registerCustomer(customer, "starter");
            key = api.ingestKeyFor(customer);
            assertThat(api.sendEvents(key, acknowledged)).isEqualTo(new Ingested(10_000, 0));

            // Killed right after the 202, while rating works through those events and the next request is
            // being taken in: some of it may be in Kafka without ingest having recorded it as seen.
            CompletableFuture<?> unanswered = CompletableFuture.runAsync(() -> api.post("/v1/events", key, UsageEvents.array(inFlight)));
            pause(Duration.ofMillis(200));
            forked.kill();
            unanswered.handle((answer, failure) -> null).join();
        }

        try (TestPlatform restarted = TestPlatform.start(dataDir(), REAL)) {
            Microcent api = restarted.api();
            // the client did not get an answer for the last request, so it sends everything again
            Ingested again = api.sendEvents(key, concat(acknowledged, inFlight));
            assertThat(again.accepted() + again.duplicates()).isEqualTo(20_000);
            assertThat(again.duplicates()).as("everything acknowledged before the crash was recorded as seen").isGreaterThanOrEqualTo(10_000);

            api.awaitFigures(customer, period, new Figures(20_000, 20_000 * CALL_COST, 19_000 * OVERAGE_PRICE));
        }
    }

    private static Instant aMinuteAgo() {
        return REAL.instant().minus(1, ChronoUnit.MINUTES);
    }

    private static String periodOf(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC)).toString();
    }

    private Path dataDir() {
        return tempDir.resolve("platform");
    }

    private static List<ObjectNode> concat(List<ObjectNode> first, List<ObjectNode> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
