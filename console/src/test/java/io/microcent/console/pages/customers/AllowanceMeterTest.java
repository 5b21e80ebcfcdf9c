package io.microcent.console.pages.customers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AllowanceMeterTest {

    private static CustomerPageView.Usage usage(long requests, long included) {
        return new CustomerPageView.Usage("2026-11", requests, included, Math.max(0, requests - included), 0, 0);
    }

    @Test
    void theMeterFillsWithTheAllowanceWarnsAt80PercentAndIsFullAndRedBeyondIt() {
        assertThat(usage(0, 1_000).percent()).isZero();
        assertThat(usage(0, 1_000).meterClass()).isEmpty();
        assertThat(usage(799, 1_000).meterClass()).isEmpty();
        assertThat(usage(800, 1_000).meterClass()).isEqualTo("warn");
        assertThat(usage(800, 1_000).percent()).isEqualTo(80);
        assertThat(usage(1_000, 1_000).meterClass()).isEqualTo("warn");
        assertThat(usage(1_001, 1_000).meterClass()).isEqualTo("over");
        assertThat(usage(5_000, 1_000).percent()).isEqualTo(100);
    }

    @Test
    void withoutAnAllowanceAnyUsageIsOverage() {
        assertThat(usage(0, 0).percent()).isZero();
        assertThat(usage(0, 0).meterClass()).isEmpty();
        assertThat(usage(3, 0).percent()).isEqualTo(100);
        assertThat(usage(3, 0).meterClass()).isEqualTo("over");
    }
}
