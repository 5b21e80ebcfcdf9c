package io.microcent.platform.config;

import io.microcent.platform.config.Env.Setting;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EnvSettingsTest {

    @Test
    void everyVariableReadIsListedWithItsDefaultInTheOrderFirstRead() {
        Env env = new Env(Map.of("B_PORT", "9000"));

        env.required("A_TOKEN", "a token");
        env.port("B_PORT", 8080);
        env.optional("C_URL");
        env.flag("D_ON", false);
        env.path("E_DIR", "./data");

        assertThat(env.settings()).containsExactly(
                new Setting("A_TOKEN", Optional.empty(), true),
                new Setting("B_PORT", Optional.of("8080"), false),
                new Setting("C_URL", Optional.empty(), false),
                new Setting("D_ON", Optional.of("false"), false),
                new Setting("E_DIR", Optional.of("./data"), false));
    }

    @Test
    void aVariableReadTwiceKeepsWhatTheMoreTellingReadSaid() {
        Env env = new Env(Map.of());

        env.string("A", "x");
        env.optional("A");
        env.optional("B");
        env.required("B", "needed");

        assertThat(env.settings()).containsExactly(
                new Setting("A", Optional.of("x"), false),
                new Setting("B", Optional.empty(), true));
    }
}
