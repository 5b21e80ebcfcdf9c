package io.microcent.ingest.events;

import io.microcent.platform.customers.CustomerDirectory;
import io.microcent.model.error.FieldError;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.LateUsagePolicy;
import io.microcent.platform.http.ApiException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules every usage event must meet after it was read, whatever format it arrived in: those that
 * depend on the ingest clock, and that its customer exists. (What can be checked from the field alone, such
 * as a token count's range or an id's text, the parsers check as they read, where the field's name in the
 * body is known.) Works on parsed {@link UsageEventRequest}s and skips what the parser already found
 * unreadable.
 */
public final class UsageEventValidator {

    /** How far ahead of our clock an event time may be: senders' clocks drift, but not by more. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Comparator<FieldError> BY_INDEX =
            Comparator.comparing(FieldError::index, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final LateUsagePolicy lateUsage;
    private final CustomerDirectory customers;

    public UsageEventValidator(LateUsagePolicy lateUsage, CustomerDirectory customers) {
        this.lateUsage = lateUsage;
        this.customers = customers;
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
        checkCustomersExist(parsed, errors);
        if (!errors.isEmpty()) {
            errors.sort(BY_INDEX); // stable: each event's errors stay in field order
        }
        return errors;
    }

    /**
     * {@code customer_not_found} for each event of a customer that does not exist. When that cannot be told
     * (Kafka down: 503), a request already refused for other problems is answered with those instead.
     */
    private void checkCustomersExist(ParsedEvents parsed, List<FieldError> errors) {
        List<UsageEventRequest> events = parsed.events();
        Set<CustomerId> named = new LinkedHashSet<>();
        for (UsageEventRequest event : events) {
            if (event != null && event.customer() != null) {
                named.add(event.customer());
            }
        }
        Set<CustomerId> unknown;
        try {
            unknown = customers.unknownAmong(named);
        } catch (ApiException unavailable) {
            if (errors.isEmpty()) {
                throw unavailable;
            }
            return;
        }
        if (unknown.isEmpty()) {
            return;
        }
        String field = parsed.fieldNames().customer();
        for (int position = 0; position < events.size(); position++) {
            UsageEventRequest event = events.get(position);
            if (event != null && event.customer() != null && unknown.contains(event.customer())) {
                errors.add(new FieldError(parsed.indexOf(position), field, FieldReasons.CUSTOMER_NOT_FOUND,
                        field + " " + event.customer() + " does not exist; create the customer first"));
            }
        }
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
