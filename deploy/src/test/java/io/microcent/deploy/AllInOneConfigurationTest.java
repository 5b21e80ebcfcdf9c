package io.microcent.deploy;

import io.microcent.platform.config.ConfigException;
import io.microcent.platform.config.Env;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllInOneConfigurationTest {

    @TempDir
    Path dataDir;

    @Test
    void reports_every_invalid_setting_at_once_and_starts_nothing() {
        Env env = new Env(Map.of(
                "MICROCENT_DATA_DIR", dataDir.toString(),
                "MICROCENT_PORT", "eighty",
                "MICROCENT_TOPIC_PARTITIONS", "0",
                "MICROCENT_DATABASE_POOL_SIZE", "-3"));

        assertThatThrownBy(() -> AllInOne.start(env, Clock.systemUTC()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .hasSize(3)
                        .anySatisfy(p -> assertThat(p).startsWith("MICROCENT_PORT"))
                        .anySatisfy(p -> assertThat(p).startsWith("MICROCENT_TOPIC_PARTITIONS"))
                        .anySatisfy(p -> assertThat(p).startsWith("MICROCENT_DATABASE_POOL_SIZE")));
        // nothing was started: no broker or database data, no generated token
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void unknown_service_names_are_reported_with_the_other_invalid_settings() {
        Env env = new Env(Map.of(
                "MICROCENT_DATA_DIR", dataDir.toString(),
                "MICROCENT_SERVICES", "invoicing, billing,ingest,metering",
                "MICROCENT_PORT", "eighty"));

        assertThatThrownBy(() -> AllInOne.start(env, Clock.systemUTC()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .hasSize(2)
                        .anySatisfy(p -> assertThat(p).startsWith("MICROCENT_PORT"))
                        .anySatisfy(p -> assertThat(p).startsWith("MICROCENT_SERVICES")
                                .contains("billing, metering").contains("known: ")));
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void a_service_list_naming_no_service_is_refused() {
        Env env = new Env(Map.of("MICROCENT_DATA_DIR", dataDir.toString(), "MICROCENT_SERVICES", " , "));

        assertThatThrownBy(() -> AllInOne.start(env, Clock.systemUTC()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .singleElement().satisfies(p -> assertThat(p).startsWith("MICROCENT_SERVICES must name at least one")));
    }
}
