package io.microcent.model.usage;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsageLimitsTest {

    @Test
    void millions_of_the_most_expensive_possible_events_still_sum_exactly_in_a_long() {
        Rate o1ProOutput = Rate.ofDollars("0.0006"); // $600 per million tokens, the catalog's most expensive token
        Rate dollarPerRequest = Rate.ofDollars("1");
        Microcents worstEvent = o1ProOutput.costOf(UsageLimits.MAX_TOKENS_PER_EVENT)
                .plus(dollarPerRequest.costOf(UsageLimits.MAX_REQUESTS));

        Microcents period = worstEvent.times(7_000_000L); // throws if it overflowed

        assertThat(worstEvent.value()).isEqualTo(1_240_000_000_000L);
        assertThat(period.value()).isPositive();
    }

    @Test
    void the_total_tokens_of_an_event_at_the_limits_fit_and_a_corrupt_one_fails_instead_of_wrapping() {
        long max = UsageLimits.MAX_TOKENS_PER_FIELD;
        assertThat(event(max, max, max, max).totalTokens()).isEqualTo(UsageLimits.MAX_TOKENS_PER_EVENT);
        assertThatThrownBy(() -> event(Long.MAX_VALUE, 1, 0, 0).totalTokens())
                .isInstanceOf(ArithmeticException.class);
    }

    private static UsageEvent event(long input, long output, long cacheRead, long cacheWrite) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("e"),
                CustomerId.of("acme"), now, now, null, null, null, null, null, null, null,
                1, input, output, cacheRead, cacheWrite);
    }
}
