package io.microcent.ingest.events;

import io.microcent.platform.customers.CustomerDirectory;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.FieldError;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.usage.LateUsagePolicy;
import io.microcent.platform.http.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class UsageEventValidatorTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final CustomerDirectory EVERY_CUSTOMER_EXISTS = customers -> Set.of();

    private final UsageEventValidator validator = new UsageEventValidator(LateUsagePolicy.DEFAULT, EVERY_CUSTOMER_EXISTS);

    @ParameterizedTest(name = "{0} ahead -> {1}")
    @CsvSource(textBlock = """
            -PT1H,   ok
            PT0S,    ok
            PT5M,    ok
            PT5M1S,  timestamp_in_future
            P1D,     timestamp_in_future
            """)
    void anEventTimeMoreThanFiveMinutesAheadOfTheClockIsRefused(String ahead, String expected) {
        assertThat(codes(validator, NOW.plus(Duration.parse(ahead)), NOW))
                .containsExactlyElementsOf(expected.equals("ok") ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "at {0}, grace {1}: {2} -> {3}")
    @CsvSource(textBlock = """
            # now,                 grace, event time,            expected
            2025-03-01T10:00:00Z,  PT48H, 2025-02-01T00:00:00Z,  ok
            2025-03-01T10:00:00Z,  PT48H, 2025-01-31T23:59:59Z,  timestamp_too_old
            2025-03-02T23:59:59Z,  PT48H, 2025-02-01T00:00:00Z,  ok
            2025-03-03T00:00:00Z,  PT48H, 2025-02-28T23:59:59Z,  timestamp_too_old
            2025-03-03T00:00:00Z,  PT48H, 2025-03-01T00:00:00Z,  ok
            2025-03-01T10:00:00Z,  PT0S,  2025-02-28T23:59:59Z,  timestamp_too_old
            2025-03-05T10:00:00Z,  PT120H, 2025-02-10T00:00:00Z, ok
            2025-03-01T10:00:00Z,  PT48H, 2024-03-01T10:00:00Z,  timestamp_too_old
            """)
    void anEventTimeBeforeTheOldestOpenBillingPeriodIsRefused(Instant now, Duration grace, Instant eventTime,
                                                              String expected) {
        UsageEventValidator withGrace = new UsageEventValidator(new LateUsagePolicy(grace), EVERY_CUSTOMER_EXISTS);

        assertThat(codes(withGrace, eventTime, now))
                .containsExactlyElementsOf(expected.equals("ok") ? List.of() : List.of(expected));
    }

    @Test
    void aTimestampTheParserCouldNotReadIsNotReportedAgain() {
        assertThat(codes(validator, null, NOW)).isEmpty();
    }

    @Test
    void errorsOfABatchCarryTheEventIndexAndComeInIndexOrderWithTheParsersErrors() {
        UsageEventRequest good = event(NOW);
        List<UsageEventRequest> events = Arrays.asList(good, event(NOW.minus(Duration.ofDays(400))), null, good,
                event(NOW.plus(Duration.ofHours(1))));
        List<FieldError> parserErrors = List.of(new FieldError(2, "event", "wrong_type", "not an object"),
                new FieldError(4, "requests", "negative", "requests must not be negative"));

        List<FieldError> errors = validator.validate(
                new ParsedEvents(true, events, parserErrors, EventFieldNames.MICROCENT_JSON), NOW);

        assertThat(errors).extracting(FieldError::index, FieldError::field, FieldError::code).containsExactly(
                tuple(1, "timestamp", "timestamp_too_old"),
                tuple(2, "event", "wrong_type"),
                tuple(4, "requests", "negative"),
                tuple(4, "timestamp", "timestamp_in_future"));
    }

    @Test
    void errorsNameTheTimestampAsTheFormatDoesAndASingleEventsHaveNoIndex() {
        List<FieldError> errors = validator.validate(new ParsedEvents(false,
                List.of(event(NOW.plus(Duration.ofDays(1)))), List.of(), EventFieldNames.CLOUDEVENTS), NOW);

        assertThat(errors).extracting(FieldError::index, FieldError::field).containsExactly(tuple(null, "time"));
    }

    @Test
    void eventsOfCustomersThatDoNotExistAreRefusedWithTheirIndexAndCaseMatters() {
        CustomerDirectory onlyAcme = customers -> customers.stream()
                .filter(customer -> !customer.raw().equals("acme")).collect(Collectors.toSet());
        List<UsageEventRequest> events = List.of(event("acme", NOW), event("ACME", NOW), event("globex", NOW),
                event("acme", NOW));

        List<FieldError> errors = new UsageEventValidator(LateUsagePolicy.DEFAULT, onlyAcme)
                .validate(new ParsedEvents(true, events, List.of(), EventFieldNames.MICROCENT_JSON), NOW);

        assertThat(errors).extracting(FieldError::index, FieldError::field, FieldError::code).containsExactly(
                tuple(1, "customer", "customer_not_found"),
                tuple(2, "customer", "customer_not_found"));
    }

    @Test
    void anUnknownCustomerOfACloudEventIsNamedAsItsSubject() {
        CustomerDirectory nobody = customers -> Set.copyOf(customers);

        List<FieldError> errors = new UsageEventValidator(LateUsagePolicy.DEFAULT, nobody)
                .validate(new ParsedEvents(false, List.of(event(NOW)), List.of(), EventFieldNames.CLOUDEVENTS), NOW);

        assertThat(errors).extracting(FieldError::index, FieldError::field, FieldError::code)
                .containsExactly(tuple(null, "subject", "customer_not_found"));
    }

    @Test
    void whenCustomersCannotBeCheckedTheAnswerIsUnavailableUnlessTheRequestIsRefusedAnyway() {
        CustomerDirectory kafkaDown = customers -> {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Kafka did not answer");
        };
        UsageEventValidator validator = new UsageEventValidator(LateUsagePolicy.DEFAULT, kafkaDown);

        assertThatThrownBy(() -> validator.validate(new ParsedEvents(false, List.of(event(NOW)), List.of(),
                EventFieldNames.MICROCENT_JSON), NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
        assertThat(validator.validate(new ParsedEvents(false, List.of(event(NOW.plus(Duration.ofDays(1)))), List.of(),
                EventFieldNames.MICROCENT_JSON), NOW)).extracting(FieldError::code).containsExactly("timestamp_in_future");
    }

    private static List<String> codes(UsageEventValidator validator, Instant timestamp, Instant now) {
        ParsedEvents parsed = new ParsedEvents(false, List.of(event(timestamp)), List.of(), EventFieldNames.MICROCENT_JSON);
        return validator.validate(parsed, now).stream().map(FieldError::code).toList();
    }

    private static UsageEventRequest event(Instant timestamp) {
        return event("acme", timestamp);
    }

    private static UsageEventRequest event(String customer, Instant timestamp) {
        return new UsageEventRequest(EventId.of("evt-1"), CustomerId.of(customer), timestamp,
                new UsageDetails(null, null, null, null, null, null, null, 1, TokenCounts.NONE, null, java.util.List.of()));
    }
}
