package io.microcent.ingest.events;

import io.microcent.model.error.FieldError;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class UsageEventValidatorTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    private final UsageEventValidator validator = new UsageEventValidator();

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvSource(textBlock = """
            requests,         0,              ok
            requests,         -1,             negative
            inputTokens,      0,              ok
            inputTokens,      1000000000000,  ok
            inputTokens,      1000000000001,  too_large
            inputTokens,      -5,             negative
            outputTokens,     -1,             negative
            outputTokens,     9223372036854775807, too_large
            cacheReadTokens,  -1,             negative
            cacheWriteTokens, 1000000000001,  too_large
            """)
    void quantitiesMustBeBetweenZeroAndOneTrillion(String field, long value, String expected) {
        List<FieldError> errors = validate(withQuantity(field, value), NOW);

        if (expected.equals("ok")) {
            assertThat(errors).isEmpty();
        } else {
            assertThat(errors).extracting(FieldError::field, FieldError::code).containsExactly(tuple(field, expected));
        }
    }

    @ParameterizedTest(name = "{0} ahead -> {1}")
    @CsvSource(textBlock = """
            -P400D,  ok
            PT0S,    ok
            PT5M,    ok
            PT5M1S,  timestamp_in_future
            P1D,     timestamp_in_future
            """)
    void anEventTimeMoreThanFiveMinutesAheadOfTheClockIsRefused(String ahead, String expected) {
        UsageEventRequest event = event(NOW.plus(Duration.parse(ahead)), 1, 0, 0, 0, 0);

        List<FieldError> errors = validate(event, NOW);

        assertThat(errors).extracting(FieldError::code)
                .containsExactlyElementsOf(expected.equals("ok") ? List.of() : List.of(expected));
    }

    @Test
    void aTimestampTheParserCouldNotReadIsNotReportedAgain() {
        assertThat(validate(event(null, 1, 0, 0, 0, 0), NOW)).isEmpty();
    }

    @Test
    void errorsOfABatchCarryTheEventIndexAndComeInIndexOrderWithTheParsersErrors() {
        UsageEventRequest good = event(NOW, 1, 10, 10, 0, 0);
        List<UsageEventRequest> events = Arrays.asList(good, event(NOW, 1, -1, 0, 0, 0), null, good,
                event(NOW.plus(Duration.ofHours(1)), -1, 0, 0, 0, 0));
        List<FieldError> parserErrors = List.of(new FieldError(2, "event", "wrong_type", "not an object"));

        List<FieldError> errors = validator.validate(new ParsedEvents(true, events, parserErrors), NOW);

        assertThat(errors).extracting(FieldError::index, FieldError::field, FieldError::code).containsExactly(
                tuple(1, "inputTokens", "negative"),
                tuple(2, "event", "wrong_type"),
                tuple(4, "requests", "negative"),
                tuple(4, "timestamp", "timestamp_in_future"));
    }

    @Test
    void aSingleEventsErrorsHaveNoIndex() {
        List<FieldError> errors = validator.validate(
                new ParsedEvents(false, List.of(event(NOW, 1, 0, -3, 0, 0)), List.of()), NOW);

        assertThat(errors).extracting(FieldError::index, FieldError::field).containsExactly(tuple(null, "outputTokens"));
    }

    private List<FieldError> validate(UsageEventRequest event, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        validator.validate(event, null, now, errors);
        return errors;
    }

    private static UsageEventRequest withQuantity(String field, long value) {
        return switch (field) {
            case "requests" -> event(NOW, value, 0, 0, 0, 0);
            case "inputTokens" -> event(NOW, 1, value, 0, 0, 0);
            case "outputTokens" -> event(NOW, 1, 0, value, 0, 0);
            case "cacheReadTokens" -> event(NOW, 1, 0, 0, value, 0);
            case "cacheWriteTokens" -> event(NOW, 1, 0, 0, 0, value);
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static UsageEventRequest event(Instant timestamp, long requests, long input, long output, long cacheRead,
                                           long cacheWrite) {
        return new UsageEventRequest(EventId.of("evt-1"), CustomerId.of("acme"), timestamp, null, null, null, null, null,
                null, null, requests, input, output, cacheRead, cacheWrite);
    }
}
