package io.microcent.model.usage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LateUsagePolicyTest {

    private final LateUsagePolicy policy = LateUsagePolicy.DEFAULT;

    @ParameterizedTest(name = "at {0} the oldest open period is {1}")
    @CsvSource({
            "2026-11-21T12:00:00Z, 2026-11",   // October closed on 3 November
            "2026-12-01T00:00:00Z, 2026-11",
            "2026-12-02T23:59:59Z, 2026-11",
            "2026-12-03T00:00:00Z, 2026-12",
    })
    void the_previous_month_stays_open_for_the_grace_window(String now, String oldest) {
        assertThat(policy.oldestOpenPeriod(Instant.parse(now))).isEqualTo(BillingPeriod.parse(oldest));
    }

    @ParameterizedTest(name = "event {0} ingested {1} → {2} (adjustment {3})")
    @CsvSource({
            "2026-11-30T23:59:00Z, 2026-12-01T00:00:05Z, 2026-11, false",  // late, inside the grace window
            "2026-11-30T23:59:00Z, 2026-12-02T23:59:59Z, 2026-11, false",
            "2026-11-30T23:59:00Z, 2026-12-03T00:00:00Z, 2026-12, true",   // November closed: billed in December
            "2026-11-15T10:00:00Z, 2026-11-15T10:00:01Z, 2026-11, false",
    })
    void late_usage_goes_to_its_own_period_inside_the_grace_window_and_to_the_open_one_after(
            String eventTime, String ingestedAt, String period, boolean adjustment) {
        LateUsagePolicy.Placement placement = policy.periodFor(Instant.parse(eventTime), Instant.parse(ingestedAt));
        assertThat(placement.period()).hasToString(period);
        assertThat(placement.adjustment()).isEqualTo(adjustment);
    }
}
