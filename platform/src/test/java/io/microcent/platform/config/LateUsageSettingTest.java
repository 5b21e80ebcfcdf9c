package io.microcent.platform.config;

import io.microcent.model.usage.LateUsagePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LateUsageSettingTest {

    @Test
    void withoutTheVariableAPeriodStaysOpenTheDefaultTwoDays() {
        Env env = new Env(Map.of());

        LateUsagePolicy policy = LateUsageSetting.read(env);

        env.validate();
        assertThat(policy).isEqualTo(LateUsagePolicy.DEFAULT);
        assertThat(policy.grace()).isEqualTo(Duration.ofHours(LateUsageSetting.DEFAULT_HOURS));
    }

    @ParameterizedTest(name = "{0} hours")
    @ValueSource(ints = {0, 24, 672})
    void theGraceIsReadInWholeHoursFromZeroToFourWeeks(int hours) {
        Env env = new Env(Map.of(LateUsageSetting.VARIABLE, Integer.toString(hours)));

        LateUsagePolicy policy = LateUsageSetting.read(env);

        env.validate();
        assertThat(policy.grace()).isEqualTo(Duration.ofHours(hours));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"-1", "673", "2d", "1.5"})
    void aGraceThatIsNotWholeHoursInRangeIsReportedWithTheRestOfTheConfiguration(String value) {
        Env env = new Env(Map.of(LateUsageSetting.VARIABLE, value));

        LateUsageSetting.read(env);

        assertThatThrownBy(env::validate).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(problem ->
                        assertThat(problem).startsWith(LateUsageSetting.VARIABLE)));
    }
}
