package io.microcent.console.pages.usage;

import io.microcent.console.api.Api;
import io.microcent.console.web.Choice;
import io.microcent.console.web.ConsoleRequest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The window a Usage or Analytics page shows, as its {@code range} parameter names it: the last 24 hours
 * (hourly buckets), the last 7, 14 or 30 UTC days up to today included (daily buckets), or {@code custom} from
 * {@code from} to {@code to} (dates, both included). An unknown or incomplete choice falls back to 30 days, so a
 * hand-edited URL still shows a page.
 */
public record TimeRange(Preset preset, Instant from, Instant to, LocalDate fromDate, LocalDate toDate) {

    /** The choices of the range control, in its order. */
    public enum Preset implements Choice {
        H24("24h", "Last 24 hours"), D7("7d", "Last 7 days"), D14("14d", "Last 14 days"), D30("30d", "Last 30 days"),
        CUSTOM("custom", "Custom");

        private final String parameter;
        private final String label;

        Preset(String parameter, String label) {
            this.parameter = parameter;
            this.label = label;
        }

        @Override
        public String parameter() {
            return parameter;
        }

        @Override
        public String label() {
            return label;
        }
    }

    public static final Preset DEFAULT = Preset.D30;
    /** The activity and usage APIs' longest window. */
    static final int MAX_DAYS = 366;

    public static TimeRange of(ConsoleRequest request, Clock clock) {
        Preset preset = request.choice("range", Preset.values(), DEFAULT);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return switch (preset) {
            case H24 -> {
                Instant end = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
                Instant start = end.minus(24, ChronoUnit.HOURS);
                yield new TimeRange(preset, start, end, LocalDate.ofInstant(start, ZoneOffset.UTC), today);
            }
            case D7 -> days(preset, today.minusDays(6), today);
            case D14 -> days(preset, today.minusDays(13), today);
            case D30 -> days(preset, today.minusDays(29), today);
            case CUSTOM -> {
                Optional<LocalDate> from = date(request, "from");
                Optional<LocalDate> to = date(request, "to");
                if (from.isEmpty() || to.isEmpty() || to.get().isBefore(from.get())
                        || ChronoUnit.DAYS.between(from.get(), to.get()) + 1 > MAX_DAYS) {
                    yield days(DEFAULT, today.minusDays(29), today);
                }
                yield days(preset, from.get(), to.get());
            }
        };
    }

    private static TimeRange days(Preset preset, LocalDate from, LocalDate to) {
        return new TimeRange(preset, from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), from, to);
    }

    private static Optional<LocalDate> date(ConsoleRequest request, String name) {
        try {
            return request.param(name).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public boolean hourly() {
        return preset == Preset.H24;
    }

    /** {@code from} as the usage API takes it: the instant of the first hour, or the first date. */
    public String usageFrom() {
        return hourly() ? from.toString() : fromDate.toString();
    }

    /** {@code to} as the usage API takes it: the end instant (excluded), or the last date (included). */
    public String usageTo() {
        return hourly() ? to.toString() : toDate.toString();
    }

    public String bucket() {
        return hourly() ? "hour" : "day";
    }

    /** Every UTC day the window touches, for the daily activity API (the last 24 hours touch two). */
    public List<LocalDate> days() {
        return fromDate.datesUntil(toDate.plusDays(1)).toList();
    }

    /** The parameters that choose this window again, for links. */
    public void addTo(Api.Query query) {
        query.add("range", preset.parameter());
        if (preset == Preset.CUSTOM) {
            query.add("from", fromDate.toString());
            query.add("to", toDate.toString());
        }
    }

    /** {@code 2026-11-03 – 2026-12-02 (UTC)}, or the hours of the last 24. */
    public String describe() {
        if (hourly()) {
            return from.toString().replace("T", " ").replace(":00:00Z", ":00") + " – " + to.toString().replace("T", " ").replace(":00:00Z", ":00") + " UTC";
        }
        return fromDate + " – " + toDate + " (UTC days)";
    }

    public List<Preset> presets() {
        return List.of(Preset.values());
    }
}
