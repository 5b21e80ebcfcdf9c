package io.microcent.rating.analytics;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.InvalidIdException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code GET /v1/analytics/activity} asks for: UTC calendar days {@code from} to {@code to}, both
 * included, broken down by {@code groupBy}, for one customer or (without {@code customer}) all of them, of the
 * usage that passes the {@code filters}.
 */
public record ActivityQuery(LocalDate from, LocalDate to, GroupBy groupBy, Optional<CustomerId> customer,
                            UsageFilters filters) {

    /** The longest range, in days: a leap year. */
    public static final int MAX_DAYS = 366;

    /** When {@code groupBy} is not sent. */
    public static final GroupBy DEFAULT_GROUP_BY = GroupBy.MODEL;

    /** {@code 2026-11-05}: four-digit years only, and no 30 February. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    public ActivityQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(groupBy, "groupBy");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(filters, "filters");
    }

    /** Of all usage, unfiltered. */
    public ActivityQuery(LocalDate from, LocalDate to, GroupBy groupBy, Optional<CustomerId> customer) {
        this(from, to, groupBy, customer, UsageFilters.NONE);
    }

    /**
     * Reads and validates the query parameters; throws an invalid-parameter problem naming each parameter at
     * fault (missing or malformed dates, {@code to} before {@code from}, more than {@value #MAX_DAYS} days, an
     * unknown {@code groupBy}, a malformed {@code customer} or filter value).
     */
    public static ActivityQuery parse(QueryParameters parameters) {
        ParameterErrors errors = new ParameterErrors();
        LocalDate from = date("from", parameters.one("from"), errors);
        LocalDate to = date("to", parameters.one("to"), errors);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                errors.add("to", "before_from", "to (" + to + ") must not be before from (" + from + ")");
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                errors.add("to", "range_too_long", "from " + from + " to " + to + " is more than " + MAX_DAYS + " days");
            }
        }
        GroupBy groupBy = groupBy(parameters.one("groupBy"), errors);
        Optional<CustomerId> customer = customer(parameters.one("customer"), errors);
        UsageFilters filters = UsageFilters.parse(parameters, errors);
        errors.throwIfAny();
        return new ActivityQuery(from, to, groupBy, customer, filters);
    }

    /** The number of days in the range. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    static LocalDate date(String parameter, String raw, ParameterErrors errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(parameter, "required", parameter + " is required, a UTC date like 2026-11-05");
            return null;
        }
        try {
            return LocalDate.parse(raw, DATE);
        } catch (DateTimeParseException e) {
            errors.add(parameter, "invalid_date", parameter + " must be a date like 2026-11-05, got '" + raw + "'");
            return null;
        }
    }

    private static GroupBy groupBy(String raw, ParameterErrors errors) {
        if (raw == null) {
            return DEFAULT_GROUP_BY;
        }
        return GroupBy.parse(raw).orElseGet(() -> {
            errors.add("groupBy", "unknown_value", "groupBy must be one of " + GroupBy.accepted() + ", got '" + raw + "'");
            return DEFAULT_GROUP_BY;
        });
    }

    static Optional<CustomerId> customer(String raw, ParameterErrors errors) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CustomerId.of(raw));
        } catch (InvalidIdException e) {
            errors.add("customer", "invalid_id", "customer " + e.reason());
            return Optional.empty();
        }
    }
}
