package io.microcent.model.plan;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ModelId;
import io.microcent.model.usage.UsageEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeterTest {

    @ParameterizedTest(name = "{0} of (requests 3, input 100, output 40, cache read 500, cache write 60) = {1}")
    @CsvSource({
            "requests,      3",
            "input_tokens,  660",   // cached prompt tokens are input tokens too
            "output_tokens, 40",
            "total_tokens,  700",
    })
    void countsItsShareOfAnEvent(String meter, long quantity) {
        UsageEvent event = event(3, 100, 40, 500, 60);

        assertThat(Meter.fromJsonName(meter).quantityOf(event)).isEqualTo(quantity);
    }

    @Test
    void tokenCountsBeyondALongAreRefusedRatherThanWrapped() {
        UsageEvent event = event(1, Long.MAX_VALUE, 1, 0, 0);

        assertThatThrownBy(() -> Meter.TOTAL_TOKENS.quantityOf(event)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void anUnknownMeterNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Meter.fromJsonName("tokens"))
                .hasMessage("unknown meter 'tokens'; one of requests, input_tokens, output_tokens, total_tokens");
    }

    private static UsageEvent event(long requests, long input, long output, long cacheRead, long cacheWrite) {
        Instant at = Instant.parse("2026-11-03T10:00:00Z");
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("evt-1"), CustomerId.of("acme"), at, at,
                null, null, null, null, null, "openai", ModelId.of("gpt-4o"), requests, input, output, cacheRead, cacheWrite);
    }
}
