package io.microcent.console;

import io.microcent.platform.config.Env;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleMainTest {

    @Test
    void theSettingsTableListsWhatTheConsoleAloneReadsWithItsDefaults() {
        assertThat(ConsoleMain.settings()).contains(
                new Env.Setting(ConsoleSettings.API_URL, Optional.empty(), false),
                new Env.Setting("MICROCENT_CONSOLE_CAPS_URL", Optional.empty(), false),
                new Env.Setting("MICROCENT_CONSOLE_SESSION_MINUTES", Optional.of("480"), false),
                new Env.Setting("MICROCENT_HOST", Optional.of("0.0.0.0"), false),
                new Env.Setting("MICROCENT_PORT", Optional.of(String.valueOf(ConsoleMain.DEFAULT_PORT)), false));
        assertThat(ConsoleMain.settings()).extracting(Env.Setting::name).doesNotContain("MICROCENT_ADMIN_TOKEN");
    }
}
