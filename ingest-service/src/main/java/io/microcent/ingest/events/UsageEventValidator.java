package io.microcent.ingest.events;

import io.microcent.model.error.FieldError;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.LateUsagePolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rules every usage event must meet after it was read, whatever format it arrived in: those that
 * depend on the ingest clock. (What can be checked from the field alone, such as a token count's
 * range, the parsers check as they read, where the field's name in the body is known.) Works on parsed
 * {@link UsageEventRequest}s and skips what the parser already found unreadable.
 */
public final class UsageEventValidator {

    /** How far ahead of our clock an event time may be: senders' clocks drift, but not by more. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Comparator<FieldError> BY_INDEX =
            Comparator.comparing(FieldError::index, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final LateUsagePolicy lateUsage;

    public UsageEventValidator(LateUsagePolicy lateUsage) {
        this.lateUsage = lateUsage;
    }

    /** Every problem of the request: the parser's and this validator's, ordered by event index. */
    public List<FieldError> validate(ParsedEvents parsed, Instant now) {
        List<FieldError> errors = new ArrayList<>(parsed.errors());
        // usage older than this would belong to a period that is already closed (or being invoiced)
        BillingPeriod oldestOpen = lateUsage.oldestOpenPeriod(now);
        String timestampField = parsed.fieldNames().timestamp();
        List<UsageEventRequest> events = parsed.events();
        for (int position = 0; position < events.size(); position++) {
            UsageEventRequest event = events.get(position);
            if (event != null && event.timestamp() != null) {
                checkTimestamp(event.timestamp(), timestampField, parsed.indexOf(position), now, oldestOpen, errors);
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(BY_INDEX); // stable: each event's errors stay in field order
        }
        return errors;
    }

    private static void checkTimestamp(Instant timestamp, String field, Integer index, Instant now,
                                       BillingPeriod oldestOpen, List<FieldError> errors) {
        if (timestamp.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            errors.add(new FieldError(index, field, FieldReasons.TIMESTAMP_IN_FUTURE,
                    field + " is more than " + MAX_CLOCK_SKEW.toMinutes() + " minutes in the future"));
        } else if (timestamp.isBefore(oldestOpen.start())) {
            errors.add(new FieldError(index, field, FieldReasons.TIMESTAMP_TOO_OLD, field + " is before "
                    + oldestOpen.start() + ", the start of " + oldestOpen + ", the oldest billing period still open for usage"));
        }
    }
}
