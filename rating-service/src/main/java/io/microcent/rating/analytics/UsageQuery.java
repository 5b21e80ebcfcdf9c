package io.microcent.rating.analytics;

import com.fasterxml.jackson.annotation.JsonValue;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.IdRule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code GET /v1/analytics/usage} (and {@code /v1/analytics/dimensions}) asks for: the whole hours
 * {@code [from, to)}, per user or per team, in hourly or daily buckets, of one customer or all of them, of the
 * usage that passes the filters.
 *
 * <p>{@code from} and {@code to} are each a UTC date ({@code 2026-11-05}) or an instant
 * ({@code 2026-11-05T14:30:00Z}): a date {@code from} is that day's 00:00Z, a date {@code to} the end of that day
 * (the next 00:00Z, excluded), so {@code from=2026-11-01&to=2026-11-30} is November; an instant {@code from} is
 * truncated down to its hour and an instant {@code to} rounded up to the next hour, because the rollups are hourly.
 */
public record UsageQuery(Instant from, Instant to, View view, Bucket bucket, Optional<CustomerId> customer,
                         UsageFilters filters) {

    /** The longest range: a leap year. */
    public static final Duration MAX_RANGE = Duration.ofDays(ActivityQuery.MAX_DAYS);

    /** Up to this range, buckets are hours when {@code bucket} is not sent; beyond it, days. */
    public static final Duration HOURLY_UP_TO = Duration.ofHours(48);

    /** Whose usage a row is: a user's or a team's. */
    public enum View {
        USER, TEAM;

        @JsonValue
        public String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How long one bucket of the series is. */
    public enum Bucket {
        HOUR(ChronoUnit.HOURS), DAY(ChronoUnit.DAYS);

        private final ChronoUnit unit;

        Bucket(ChronoUnit unit) {
            this.unit = unit;
        }

        @JsonValue
        public String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The start of the bucket {@code instant} is in (UTC). */
        public Instant startOf(Instant instant) {
            return instant.truncatedTo(unit);
        }

        public Instant next(Instant start) {
            return start.plus(1, unit);
        }
    }

    public UsageQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(filters, "filters");
    }

    /** Reads {@code from}, {@code to}, {@code view}, {@code bucket}, {@code customer} and the filters. */
    public static UsageQuery parse(QueryParameters parameters) {
        ParameterErrors errors = new ParameterErrors();
        Range range = range(parameters, errors);
        View view = choice("view", parameters.one("view"), View.values(), View.USER, errors);
        Bucket bucket = parameters.one("bucket") == null
                ? (range != null && Duration.between(range.from, range.to).compareTo(HOURLY_UP_TO) <= 0 ? Bucket.HOUR : Bucket.DAY)
                : choice("bucket", parameters.one("bucket"), Bucket.values(), Bucket.DAY, errors);
        Optional<CustomerId> customer = ActivityQuery.customer(parameters.one("customer"), errors);
        UsageFilters filters = UsageFilters.parse(parameters, errors);
        errors.throwIfAny();
        return new UsageQuery(range.from, range.to, view, bucket, customer, filters);
    }

    /** {@code [from, to)} of whole hours, checked: to after from, at most {@link #MAX_RANGE}; {@code null} when invalid. */
    record Range(Instant from, Instant to) {
    }

    static Range range(QueryParameters parameters, ParameterErrors errors) {
        Instant from = bound("from", parameters.one("from"), false, errors);
        Instant to = bound("to", parameters.one("to"), true, errors);
        if (from == null || to == null) {
            return null;
        }
        if (!to.isAfter(from)) {
            errors.add("to", "before_from", "to (" + to + ") must be after from (" + from + ")");
            return null;
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            errors.add("to", "range_too_long", "from " + from + " to " + to + " is more than " + ActivityQuery.MAX_DAYS + " days");
            return null;
        }
        return new Range(from, to);
    }

    /** A date or an instant, as the start ({@code end} false) or the end of the range. */
    private static Instant bound(String parameter, String raw, boolean end, ParameterErrors errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(parameter, "required", parameter + " is required, a UTC date like 2026-11-05 or an instant like 2026-11-05T14:00:00Z");
            return null;
        }
        if (!raw.contains("T")) {
            LocalDate day = ActivityQuery.date(parameter, raw, errors);
            return day == null ? null : (end ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        try {
            Instant instant = Instant.parse(raw);
            Instant hour = instant.truncatedTo(ChronoUnit.HOURS);
            return end && !hour.equals(instant) ? hour.plus(1, ChronoUnit.HOURS) : hour;
        } catch (DateTimeParseException e) {
            errors.add(parameter, "invalid_date", parameter + " must be a date like 2026-11-05 or an instant like "
                    + "2026-11-05T14:00:00Z");
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(String parameter, String raw, E[] values, E otherwise, ParameterErrors errors) {
        if (raw == null) {
            return otherwise;
        }
        for (E value : values) {
            if (value.name().toLowerCase(Locale.ROOT).equals(raw)) {
                return value;
            }
        }
        errors.add(parameter, "unknown_value", parameter + " must be one of " + Arrays.stream(values)
                .map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ", got '"
                + IdRule.printable(raw) + "'");
        return otherwise;
    }
}
