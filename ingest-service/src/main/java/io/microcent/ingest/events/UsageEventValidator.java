package io.microcent.ingest.events;

import io.microcent.model.error.FieldError;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rules every usage event must meet, whatever format it arrived in. Works on parsed
 * {@link UsageEventRequest}s and skips what the parser already found unreadable.
 */
public final class UsageEventValidator {

    /** The largest quantity one event may carry: far above any real call, far below {@code long} overflow in sums. */
    public static final long MAX_QUANTITY = 1_000_000_000_000L;
    /** How far ahead of our clock an event time may be: senders' clocks drift, but not by more. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Comparator<FieldError> BY_INDEX =
            Comparator.comparing(FieldError::index, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Every problem of the request: the parser's and this validator's, ordered by event index. */
    public List<FieldError> validate(ParsedEvents parsed, Instant now) {
        List<FieldError> errors = new ArrayList<>(parsed.errors());
        List<UsageEventRequest> events = parsed.events();
        for (int position = 0; position < events.size(); position++) {
            UsageEventRequest event = events.get(position);
            if (event != null) {
                validate(event, parsed.indexOf(position), now, errors);
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(BY_INDEX); // stable: each event's errors stay in field order
        }
        return errors;
    }

    /** Adds the problems of one event to {@code errors}. */
    public void validate(UsageEventRequest event, Integer index, Instant now, List<FieldError> errors) {
        checkQuantity(event.requests(), "requests", index, errors);
        checkQuantity(event.inputTokens(), "inputTokens", index, errors);
        checkQuantity(event.outputTokens(), "outputTokens", index, errors);
        checkQuantity(event.cacheReadTokens(), "cacheReadTokens", index, errors);
        checkQuantity(event.cacheWriteTokens(), "cacheWriteTokens", index, errors);
        if (event.timestamp() != null && event.timestamp().isAfter(now.plus(MAX_CLOCK_SKEW))) {
            errors.add(new FieldError(index, "timestamp", FieldReasons.TIMESTAMP_IN_FUTURE,
                    "timestamp is more than " + MAX_CLOCK_SKEW.toMinutes() + " minutes in the future"));
        }
    }

    private static void checkQuantity(long value, String field, Integer index, List<FieldError> errors) {
        if (value < 0) {
            errors.add(negative(index, field));
        } else if (value > MAX_QUANTITY) {
            errors.add(tooLarge(index, field));
        }
    }

    static FieldError negative(Integer index, String field) {
        return new FieldError(index, field, FieldReasons.NEGATIVE, field + " must not be negative");
    }

    static FieldError tooLarge(Integer index, String field) {
        return new FieldError(index, field, FieldReasons.TOO_LARGE, field + " must be at most " + MAX_QUANTITY);
    }
}
