package io.microcent.caps.spend;

import io.microcent.model.caps.CapDefinition;
import io.microcent.model.caps.CapMode;
import io.microcent.model.caps.CapPeriod;
import io.microcent.model.caps.CapPeriodId;
import io.microcent.model.caps.CapScope;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CapEvaluationTest {

    private static final CustomerId ACME = CustomerId.of("acme");

    @ParameterizedTest
    @CsvSource({
            "1000, 50, 500",
            "1001, 50, 501",   // 500.5 rounds up: the threshold is crossed only once the share is really reached
            "1, 80, 1",
            "9223372036854775807, 100, 9223372036854775807",
            "9223372036854775807, 50, 4611686018427387904"})
    void aThresholdIsItsShareOfTheAmountRoundedUpWithoutOverflow(long amount, int percent, long share) {
        assertThat(CapEvaluation.share(Microcents.of(amount), percent)).isEqualTo(Microcents.of(share));
    }

    @Test
    void aThresholdIsCrossedAtItsShareNotBefore() {
        CapDefinition cap = CapDefinitions.cap("cap_1", ACME, CapScope.CUSTOMER, "acme", 1_001, CapPeriod.MONTH, CapMode.SOFT, List.of(50));
        Instant at = Instant.parse("2026-11-05T00:00:00Z");
        CapPeriodId november = CapPeriodId.parse("2026-11");

        assertThat(CapEvaluation.of(cap, november, Microcents.of(500), FiredThresholds.NONE, at).alerts()).isEmpty();
        assertThat(CapEvaluation.of(cap, november, Microcents.of(501), FiredThresholds.NONE, at).alerts()).hasSize(1);
        assertThat(CapEvaluation.of(cap, november, Microcents.of(501), new FiredThresholds(List.of(50)), at).alerts()).isEmpty();
    }
}
