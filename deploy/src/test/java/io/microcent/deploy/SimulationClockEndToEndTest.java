package io.microcent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.platform.config.ClockSetting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code MICROCENT_CLOCK_START} a month in the past: the whole platform lives in that month. Ingest takes usage
 * stamped at the simulated time (and refuses real time as the future), rating places it in the simulated
 * month, and invoicing's usage without a period answers for that month.
 */
class SimulationClockEndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    void a_platform_started_a_month_in_the_past_rates_usage_into_that_month() {
        YearMonth simulatedMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        Instant simulatedStart = simulatedMonth.atDay(15).atTime(12, 0).toInstant(ZoneOffset.UTC);

        try (TestPlatform platform = TestPlatform.startOnConfiguredClock(dataDir,
                Map.of(ClockSetting.VARIABLE, simulatedStart.toString()))) {
            Microcent api = platform.api();
            api.registerCustomer("simco", "starter");
            JsonNode customer = Microcent.ok(api.get("/v1/customers/simco"));
            assertThat(Instant.parse(customer.path("createdAt").asText()))
                    .isBetween(simulatedStart, simulatedStart.plus(Duration.ofHours(1)));
            String key = api.ingestKeyFor("simco");

            ApiClient.Response realNow = api.post("/v1/events", key,
                    UsageEvents.array(List.of(UsageEvents.event("real-time", "simco", Instant.now()))));
            assertThat(realNow.status()).as("real time is a month in the simulated future").isEqualTo(422);

            api.sendEvents(key, List.of(UsageEvents.event("simulated", "simco", simulatedStart.plusSeconds(1))));

            await().atMost(Microcent.PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                JsonNode usage = Microcent.ok(api.get("/v1/customers/simco/usage"));
                assertThat(usage.path("period").asText()).isEqualTo(simulatedMonth.toString());
                assertThat(usage.path("requests").asLong()).isEqualTo(1);
            });
            assertThat(api.usage("simco", YearMonth.now(ZoneOffset.UTC).toString()).path("requests").asLong()).isZero();
        }
    }
}
