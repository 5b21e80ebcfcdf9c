package io.microcent.ingest;

import io.microcent.platform.config.ConfigException;
import io.microcent.platform.config.Env;
import io.microcent.platform.config.LateUsageSetting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestSettingsTest {

    @Test
    void withoutVariablesTheDefaultsApply() {
        Env env = new Env(Map.of());

        IngestSettings settings = IngestSettings.from(env);

        env.validate();
        assertThat(settings).isEqualTo(IngestSettings.defaults());
        assertThat(settings.lateUsage().grace()).isEqualTo(Duration.ofHours(48));
        assertThat(settings.dedupRetention()).isEqualTo(Duration.ofDays(40));
    }

    @Test
    void theGraceAndRetentionAreRead() {
        Env env = new Env(Map.of(LateUsageSetting.VARIABLE, "24", IngestSettings.DEDUP_RETENTION_DAYS, "35"));

        IngestSettings settings = IngestSettings.from(env);

        env.validate();
        assertThat(settings.lateUsage().grace()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.dedupRetention()).isEqualTo(Duration.ofDays(35));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(textBlock = """
            MICROCENT_DEDUP_RETENTION_DAYS,   34
            MICROCENT_DEDUP_RETENTION_DAYS,   forty
            MICROCENT_LATE_USAGE_GRACE_HOURS, -1
            MICROCENT_LATE_USAGE_GRACE_HOURS, 673
            """)
    void valuesOutOfRangeAreRefusedAtStart(String variable, String value) {
        Env env = new Env(Map.of(variable, value));

        IngestSettings.from(env);

        assertThatThrownBy(env::validate).isInstanceOf(ConfigException.class).hasMessageContaining(variable);
    }

    @Test
    void aLongGraceNeedsAnIdRememberedUntilItsEventWouldBeTooOldAnyway() {
        Env env = new Env(Map.of(LateUsageSetting.VARIABLE, "240", IngestSettings.DEDUP_RETENTION_DAYS, "40"));

        IngestSettings.from(env);

        assertThatThrownBy(env::validate).hasMessageContaining(IngestSettings.DEDUP_RETENTION_DAYS + " must be at least 42");
        assertThat(IngestSettings.minimumDedupRetentionDays(48)).isEqualTo(35);
        assertThat(IngestSettings.minimumDedupRetentionDays(672)).isEqualTo(60);
    }
}
