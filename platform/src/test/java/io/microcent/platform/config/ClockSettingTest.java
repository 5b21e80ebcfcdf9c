package io.microcent.platform.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClockSettingTest {

    private static final Clock REAL = Clock.fixed(Instant.parse("2026-12-01T23:00:00Z"), ZoneOffset.UTC);

    @Test
    void withoutTheVariableTheClockIsTheRealOne() {
        Env env = new Env(Map.of());

        Clock clock = ClockSetting.read(env, REAL);

        env.validate();
        assertThat(clock.instant()).isEqualTo(REAL.instant());
        assertThat(ClockSetting.read(env).getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void theClockStartsAtTheInstantAndRunsAtTheRealClocksSpeed() {
        Env env = new Env(Map.of(ClockSetting.VARIABLE, "2026-11-01T00:00:00Z"));

        Clock clock = ClockSetting.read(env, REAL);

        env.validate();
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        Clock hourLater = Clock.offset(clock, Duration.ofHours(1));
        assertThat(hourLater.instant()).isEqualTo(Instant.parse("2026-11-01T01:00:00Z"));
    }

    @Test
    void anAnchorSaysWhenTheSimulatedClockReadTheStartSoThatProcessesStartedLaterAgree() {
        // the anchor is an hour before this process starts: the clock has run an hour since the start
        Env env = new Env(Map.of(ClockSetting.VARIABLE, "2026-11-30T23:58:00Z", ClockSetting.ANCHOR, "2026-12-01T22:00:00Z"));

        Clock clock = ClockSetting.read(env, REAL);

        env.validate();
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-01T00:58:00Z"));
    }

    @Test
    void anAnchorWithoutAStartIsReported() {
        Env env = new Env(Map.of(ClockSetting.ANCHOR, "2026-12-01T22:00:00Z"));

        Clock clock = ClockSetting.read(env, REAL);

        assertThat(clock.instant()).isEqualTo(REAL.instant());
        assertThatThrownBy(env::validate).isInstanceOf(ConfigException.class)
                .hasMessageContaining(ClockSetting.ANCHOR).hasMessageContaining(ClockSetting.VARIABLE);
    }

    @Test
    void anAnchorThatIsNotAnInstantIsReported() {
        Env env = new Env(Map.of(ClockSetting.VARIABLE, "2026-11-30T23:58:00Z", ClockSetting.ANCHOR, "soon"));

        ClockSetting.read(env, REAL);

        assertThatThrownBy(env::validate).isInstanceOf(ConfigException.class).hasMessageContaining(ClockSetting.ANCHOR + " must be");
    }

    @Test
    void aRealClockedStartRunsOn() throws InterruptedException {
        Clock clock = ClockSetting.read(new Env(Map.of(ClockSetting.VARIABLE, "2020-01-01T00:00:00Z")));
        Instant first = clock.instant();
        Thread.sleep(5);

        assertThat(clock.instant()).isAfter(first).isBefore(Instant.parse("2020-01-01T01:00:00Z"));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"2026-11-01", "yesterday", "2026-11-01T00:00:00", "2026-13-01T00:00:00Z"})
    void aValueThatIsNotAnInstantIsReportedWithTheRestOfTheConfiguration(String value) {
        Env env = new Env(Map.of(ClockSetting.VARIABLE, value));

        Clock clock = ClockSetting.read(env, REAL);

        assertThat(clock.instant()).isEqualTo(REAL.instant());
        assertThatThrownBy(env::validate).isInstanceOf(ConfigException.class)
                .hasMessageContaining(ClockSetting.VARIABLE).hasMessageContaining(value);
    }
}
