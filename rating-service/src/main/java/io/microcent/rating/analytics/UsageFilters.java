package io.microcent.rating.analytics;

import io.microcent.model.id.InvalidIdException;
import io.microcent.rating.rollups.HourlyKey;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filters of one analytics request: for each {@link UsageFilter} sent, the values usage must have one of
 * (OR within a filter); usage must pass every filter sent (AND across filters). Values are kept as the rollups
 * store them: {@value ActivityReport#NONE_LABEL} becomes {@link HourlyKey#ABSENT}.
 */
public record UsageFilters(Map<UsageFilter, Set<String>> values) {

    public static final UsageFilters NONE = new UsageFilters(Map.of());

    public UsageFilters {
        Map<UsageFilter, Set<String>> copy = new EnumMap<>(UsageFilter.class);
        values.forEach((filter, accepted) -> copy.put(filter, Set.copyOf(accepted)));
        values = Collections.unmodifiableMap(copy);
    }

    /** Reads every filter parameter, reporting each malformed value under its parameter's name. */
    static UsageFilters parse(QueryParameters parameters, ParameterErrors errors) {
        Map<UsageFilter, Set<String>> values = new EnumMap<>(UsageFilter.class);
        for (UsageFilter filter : UsageFilter.values()) {
            List<String> sent = parameters.all(filter.parameter());
            if (sent == null || sent.isEmpty()) {
                continue;
            }
            Set<String> stored = new LinkedHashSet<>();
            for (String raw : sent) {
                try {
                    filter.check(raw);
                    stored.add(ActivityReport.NONE_LABEL.equals(raw) ? HourlyKey.ABSENT : raw);
                } catch (InvalidIdException e) {
                    errors.add(filter.parameter(), filter.invalidCode(), filter.parameter() + " " + e.reason());
                }
            }
            values.put(filter, stored);
        }
        return new UsageFilters(values);
    }
}
