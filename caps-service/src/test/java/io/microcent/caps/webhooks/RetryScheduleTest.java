package io.microcent.caps.webhooks;

import io.microcent.platform.config.Env;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryScheduleTest {

    private final RetrySchedule defaults = WebhookSettings.DEFAULTS.retries();

    @Test
    void byDefaultWaitsGrowFourfoldFromThirtySecondsUpToSixHours() {
        assertThat(IntStream.rangeClosed(1, 7).mapToObj(defaults::delayAfter)).containsExactly(
                Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(8), Duration.ofMinutes(32),
                Duration.ofMinutes(128), Duration.ofHours(6), Duration.ofHours(6));
    }

    @Test
    void byDefaultTheEighthFailedAttemptIsTheLast() {
        assertThat(defaults.exhausted(7)).isFalse();
        assertThat(defaults.exhausted(8)).isTrue();
    }

    @Test
    void theBaseScalesTheWholeSchedule() {
        RetrySchedule fast = new RetrySchedule(Duration.ofMillis(10), 3);

        assertThat(fast.delayAfter(1)).isEqualTo(Duration.ofMillis(10));
        assertThat(fast.delayAfter(2)).isEqualTo(Duration.ofMillis(40));
        assertThat(fast.delayAfter(50)).isEqualTo(Duration.ofMillis(7_200));
    }

    @Test
    void settingsComeFromTheEnvironmentAndBadValuesAreReported() {
        Env env = new Env(Map.of(
                "MICROCENT_WEBHOOK_BACKOFF_BASE_MS", "25", "MICROCENT_WEBHOOK_MAX_ATTEMPTS", "3", "MICROCENT_WEBHOOK_POLL_MS", "5"));

        WebhookSettings settings = WebhookSettings.from(env);

        assertThat(settings.retries()).isEqualTo(new RetrySchedule(Duration.ofMillis(25), 3));
        assertThatThrownBy(env::validate).hasMessageContaining("MICROCENT_WEBHOOK_POLL_MS");
    }
}
