package io.microcent.model.usage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BillingPeriodTest {

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
            "2026-11-01T00:00:00Z, 2026-11",
            "2026-11-30T23:59:59.999999999Z, 2026-11",
            "2026-12-01T00:00:00Z, 2026-12",
            "2026-12-31T23:59:59Z, 2026-12",
            "2027-01-01T00:00:00Z, 2027-01",
    })
    void a_period_is_a_utc_calendar_month(String instant, String period) {
        assertThat(BillingPeriod.containing(Instant.parse(instant))).hasToString(period);
    }

    @Test
    void starts_inclusive_and_ends_exclusive() {
        BillingPeriod november = BillingPeriod.parse("2026-11");
        assertThat(november.start()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(november.endExclusive()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(november.contains(november.endExclusive())).isFalse();
        assertThat(november.next().previous()).isEqualTo(november);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "November", "2026-1", "", "2026-11-01"})
    void refuses_text_that_is_not_a_month(String text) {
        assertThatThrownBy(() -> BillingPeriod.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
