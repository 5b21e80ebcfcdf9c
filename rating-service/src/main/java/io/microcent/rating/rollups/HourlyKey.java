package io.microcent.rating.rollups;

import io.microcent.model.id.ApiKeyId;
import io.microcent.model.id.CostCenterId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.ProjectId;
import io.microcent.model.id.TeamId;
import io.microcent.model.id.UserId;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.Tag;
import io.microcent.model.usage.UsageEvent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The row of {@code rating.usage_hourly} a rated usage adds to: its customer, the hour of its event time
 * (UTC), the billing period it was rated in, and every dimension analytics can group by. A dimension the
 * event did not name is {@link #ABSENT}, which no id can be (ids are never blank), so it is a value of its own.
 *
 * @param tags the event's tags as text, each once and sorted (as the event keeps them), so that events with the
 *             same tags add to one row; empty when it has none
 */
public record HourlyKey(CustomerId customer, Instant hour, BillingPeriod period, String project, String costCenter,
                        String apiKeyId, String user, String team, String provider, String model, List<String> tags) {

    /** How an absent dimension is stored. */
    public static final String ABSENT = "";

    public HourlyKey {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(hour, "hour");
        Objects.requireNonNull(period, "period");
        tags = List.copyOf(tags);
        if (!hour.equals(hour.truncatedTo(ChronoUnit.HOURS))) {
            throw new IllegalArgumentException("hour must be a whole hour, was " + hour);
        }
    }

    public static HourlyKey of(RatedUsage usage) {
        UsageEvent event = usage.event();
        return new HourlyKey(event.customer(), event.timestamp().truncatedTo(ChronoUnit.HOURS), usage.period(),
                orAbsent(event.project(), ProjectId::raw),
                orAbsent(event.costCenter(), CostCenterId::raw),
                orAbsent(event.apiKeyId(), ApiKeyId::raw),
                orAbsent(event.user(), UserId::raw),
                orAbsent(event.team(), TeamId::raw),
                orAbsent(event.provider(), Function.identity()),
                orAbsent(event.model(), ModelId::raw),
                event.tags().stream().map(Tag::raw).toList());
    }

    private static <T> String orAbsent(T dimension, Function<T, String> raw) {
        return dimension == null ? ABSENT : raw.apply(dimension);
    }
}
