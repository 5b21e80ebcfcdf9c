package io.microcent.deploy.bench;

import java.util.List;
import java.util.Set;

/**
 * What {@code Bench --only analytics} seeds and asks.
 *
 * @param customers customers with a year of hourly rollups each
 * @param queries   requests of each query type and range, each of a customer drawn at random
 */
record AnalyticsOptions(int customers, int queries) {

    static final Set<String> NAMES = Set.of("--only", "--analytics-customers", "--analytics-queries");

    static AnalyticsOptions parse(List<String> args) {
        Args given = Args.parse(args, NAMES);
        return new AnalyticsOptions(given.positive("--analytics-customers", 1_000), given.positive("--analytics-queries", 200));
    }
}
