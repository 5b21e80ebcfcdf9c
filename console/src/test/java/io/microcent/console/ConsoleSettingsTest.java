package io.microcent.console;

import io.microcent.console.api.ServiceName;
import io.microcent.platform.config.ConfigException;
import io.microcent.platform.config.Env;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleSettingsTest {

    @Test
    void everyServiceAtTheDefaultBaseWhenNothingIsSet() {
        ConsoleSettings settings = ConsoleSettings.from(new Env(Map.of()), "http://127.0.0.1:8080");
        assertThat(settings.serviceUrls()).containsOnlyKeys(ServiceName.values())
                .allSatisfy((service, url) -> assertThat(url).isEqualTo(URI.create("http://127.0.0.1:8080")));
        assertThat(settings.sessionIdle()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void oneServiceElsewhere() {
        ConsoleSettings settings = ConsoleSettings.from(new Env(Map.of(
                "MICROCENT_CONSOLE_API_URL", "https://billing.example.com/",
                "MICROCENT_CONSOLE_RATING_URL", "http://rating:8082",
                "MICROCENT_CONSOLE_SESSION_MINUTES", "60")), "http://127.0.0.1:8080");
        assertThat(settings.serviceUrls().get(ServiceName.RATING)).isEqualTo(URI.create("http://rating:8082"));
        assertThat(settings.serviceUrls().get(ServiceName.CAPS)).isEqualTo(URI.create("https://billing.example.com"));
        assertThat(settings.sessionIdle()).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void everyBadSettingIsReportedAtOnce() {
        Env env = new Env(Map.of("MICROCENT_CONSOLE_API_URL", "ftp://x", "MICROCENT_CONSOLE_CAPS_URL", "not a url",
                "MICROCENT_CONSOLE_SESSION_MINUTES", "1"));
        ConsoleSettings.from(env, "http://127.0.0.1:8080");
        assertThatThrownBy(env::validate).isInstanceOf(ConfigException.class)
                .hasMessageContaining("MICROCENT_CONSOLE_API_URL")
                .hasMessageContaining("MICROCENT_CONSOLE_CAPS_URL")
                .hasMessageContaining("MICROCENT_CONSOLE_SESSION_MINUTES");
    }
}
