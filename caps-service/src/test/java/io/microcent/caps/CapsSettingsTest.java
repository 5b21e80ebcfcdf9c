package io.microcent.caps;

import io.microcent.platform.config.ConfigException;
import io.microcent.platform.config.Env;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapsSettingsTest {

    @Test
    void withoutVariablesCapsAnswersEveryCustomerItselfAndAsksNoIngest() {
        Env env = new Env(Map.of());

        CapsSettings settings = CapsSettings.from(env);

        env.validate();
        assertThat(settings).isEqualTo(CapsSettings.DEFAULTS);
    }

    @Test
    void theIngestUrlMayLeaveItsPortToTheScheme() {
        Env env = new Env(Map.of("MICROCENT_INGEST_URL", "https://ingest.internal", "MICROCENT_CAPS_ADVERTISED_URL", "http://caps-1:8083"));

        CapsSettings settings = CapsSettings.from(env);

        env.validate();
        assertThat(settings.ingestUrls()).containsExactly(URI.create("https://ingest.internal"));
        assertThat(settings.advertisedUrl()).contains(URI.create("http://caps-1:8083"));
    }

    @Test
    void severalIngestInstancesAreListedCommaSeparated() {
        Env env = new Env(Map.of("MICROCENT_INGEST_URL", "http://ingest-1:8081, http://ingest-2:8081"));

        CapsSettings settings = CapsSettings.from(env);

        env.validate();
        assertThat(settings.ingestUrls()).containsExactly(URI.create("http://ingest-1:8081"), URI.create("http://ingest-2:8081"));
    }

    @Test
    void ingestKeysAreRememberedTenSecondsUnlessToldOtherwiseAndZeroMeansAskEveryTime() {
        assertThat(CapsSettings.DEFAULTS.ingestKeyCacheTtl()).isEqualTo(Duration.ofSeconds(10));
        Env env = new Env(Map.of("MICROCENT_CAPS_INGEST_KEY_CACHE_TTL_SECONDS", "0"));

        CapsSettings settings = CapsSettings.from(env);

        env.validate();
        assertThat(settings.ingestKeyCacheTtl()).isZero();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(textBlock = """
            MICROCENT_INGEST_URL,          ingest:8081
            MICROCENT_INGEST_URL,          ftp://ingest:8081
            MICROCENT_INGEST_URL,          'http://ingest-1:8081,,http://ingest-2:8081'
            MICROCENT_CAPS_ADVERTISED_URL, http://caps-1
            MICROCENT_CAPS_INGEST_KEY_CACHE_TTL_SECONDS, 301
            MICROCENT_CAPS_INGEST_KEY_CACHE_TTL_SECONDS, -1
            """)
    void aValueThatCannotBeUsedIsRefusedAtStart(String variable, String value) {
        Env env = new Env(Map.of(variable, value));

        CapsSettings.from(env);

        assertThatThrownBy(env::validate).isInstanceOf(ConfigException.class).hasMessageContaining(variable);
    }
}
