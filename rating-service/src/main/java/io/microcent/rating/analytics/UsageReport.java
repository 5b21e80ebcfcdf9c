package io.microcent.rating.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.microcent.model.money.Microcents;
import io.microcent.rating.rollups.UsageCounters;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /v1/analytics/usage}: the range's totals ({@code kpis}), every bucket of the range in
 * order (zeros included, so charts line up), and one row per user or team. Every figure is summed by PostgreSQL;
 * the rows' requests, tokens and amounts add up to the totals exactly.
 */
public record UsageReport(UsageQuery.View view, Instant from, Instant to, UsageQuery.Bucket bucket, Kpis kpis,
                          List<Bucket> buckets, List<Row> rows) {

    /** How requests per user are shown: an exact decimal of two places. */
    static final int AVERAGE_SCALE = 2;

    /**
     * @param activeUsers        distinct named users with at least one request in the range
     * @param avgRequestsPerUser all requests of the range over {@code activeUsers}, two places, half-even; null
     *                           without active users
     * @param totalTokens        input + output + cache-read + cache-write tokens, as in the activity series
     */
    public record Kpis(long activeUsers, @JsonInclude(JsonInclude.Include.ALWAYS) String avgRequestsPerUser, long requests,
                       long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens, long totalTokens,
                       Microcents costMicrocents, Microcents chargeMicrocents) {

        static Kpis of(long activeUsers, UsageCounters sums) {
            return new Kpis(activeUsers, average(sums.requests(), activeUsers), sums.requests(), sums.inputTokens(),
                    sums.outputTokens(), sums.cacheReadTokens(), sums.cacheWriteTokens(), sums.totalTokens(), sums.cost(),
                    sums.charge());
        }
    }

    /** One bucket: {@code teams} are its requests and cost per team ({@code (none)} for usage without one), by name. */
    public record Bucket(Instant start, long activeUsers, long requests, long totalTokens, Microcents costMicrocents,
                         Microcents chargeMicrocents, List<TeamShare> teams) {
    }

    public record TeamShare(String team, long requests, Microcents costMicrocents) {
    }

    /**
     * One user (or team) of the range.
     *
     * @param team   user view: the named team with the most requests (ties by name), null when none; team view: the team
     * @param teams  user view: every named team of the user's usage, most requests first; team view: the team
     * @param users  distinct named users with at least one request
     * @param models every named model used, most expensive first (ties by name)
     * @param trend  requests per bucket, aligned with {@link UsageReport#buckets()}
     */
    public record Row(String name, @JsonInclude(JsonInclude.Include.ALWAYS) String team, List<String> teams, long users, long requests, long inputTokens,
                      long outputTokens, long cacheReadTokens, long cacheWriteTokens, long totalTokens,
                      Microcents costMicrocents, Microcents chargeMicrocents, List<String> models, List<Long> trend) {
    }

    /** {@code requests / users} to {@value #AVERAGE_SCALE} places, half-even; {@code null} for no users. */
    static String average(long requests, long users) {
        if (users == 0) {
            return null;
        }
        return BigDecimal.valueOf(requests).divide(BigDecimal.valueOf(users), AVERAGE_SCALE, RoundingMode.HALF_EVEN).toPlainString();
    }
}
