package io.microcent.platform.service;

import io.microcent.platform.config.Env;
import io.microcent.platform.config.Env.Setting;
import io.microcent.platform.kafka.Replication;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StandaloneSettingsTest {

    private static final ServiceModule MODULE = new ServiceModule() {
        @Override
        public String name() {
            return "sample";
        }

        @Override
        public void configure(Env env) {
            env.integer("MICROCENT_SAMPLE_THREADS", 2, 1, 8);
        }

        @Override
        public Service start(ServiceContext context) {
            throw new UnsupportedOperationException("never started here");
        }
    };

    @Test
    void aServiceAloneIsOnAClusterByDefault() {
        StandaloneSettings settings = StandaloneSettings.read(new Env(Map.of()), 8081);

        assertThat(settings.replication()).isEqualTo(Replication.CLUSTER);
        assertThat(settings.port()).isEqualTo(8081);
        assertThat(settings.host()).isEqualTo("0.0.0.0");
    }

    @Test
    void theSettingsTableHoldsTheRunnersAndTheModulesVariables() {
        var settings = StandaloneRunner.settingsOf(MODULE, 8089);

        assertThat(settings).contains(
                new Setting("MICROCENT_KAFKA_BOOTSTRAP", Optional.empty(), true),
                new Setting("MICROCENT_DATABASE_URL", Optional.empty(), true),
                new Setting("MICROCENT_ADMIN_TOKEN", Optional.empty(), true),
                new Setting("MICROCENT_PORT", Optional.of("8089"), false),
                new Setting(Replication.FACTOR, Optional.of("3"), false),
                new Setting(Replication.MIN_INSYNC, Optional.of("2"), false),
                new Setting(Replication.STANDBYS, Optional.of("1"), false),
                new Setting("MICROCENT_CLOCK_START", Optional.empty(), false),
                new Setting("MICROCENT_SAMPLE_THREADS", Optional.of("2"), false));
    }
}
