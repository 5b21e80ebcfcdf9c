package io.microcent.rating.analytics;

import io.microcent.rating.analytics.UsageQuery.Bucket;
import io.microcent.rating.analytics.UsageQuery.View;
import io.microcent.rating.rollups.HourlyKey;
import io.microcent.rating.rollups.UsageCounters;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.microcent.rating.db.Tables.USAGE_HOURLY;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.grouping;
import static org.jooq.impl.DSL.groupingSets;

/**
 * The Usage page's figures from the hourly rollups, in <em>one</em> statement that reads the range once: PostgreSQL
 * groups the selected rows by several grouping sets at a time (the range; each bucket; each bucket and team; each
 * user or team; and each of those per bucket, per model and, in the user view, per team). Java only puts the
 * groups' sums in place; it adds nothing up, so the rows add up to the totals exactly as PostgreSQL summed them.
 */
public final class UsageRepository {

    /** Distinct named users with at least one request (correction lines carry none). */
    private static final Field<Integer> ACTIVE_USERS = countDistinct(USAGE_HOURLY.USER_ID)
            .filterWhere(USAGE_HOURLY.USER_ID.ne(HourlyKey.ABSENT).and(USAGE_HOURLY.REQUESTS.gt(0L)))
            .as("active_users");

    private static final Field<String> NAME_OF_USER = USAGE_HOURLY.USER_ID;
    private static final Field<String> TEAM = USAGE_HOURLY.TEAM;
    private static final Field<String> MODEL = USAGE_HOURLY.MODEL;

    private final DSLContext db;

    public UsageRepository(DSLContext db) {
        this.db = db;
    }

    public UsageReport report(UsageQuery query) {
        boolean byUser = query.view() == View.USER;
        Field<?> bucket = query.bucket() == Bucket.DAY ? USAGE_HOURLY.DAY : USAGE_HOURLY.HOUR;
        Field<String> name = byUser ? NAME_OF_USER : TEAM;
        Field<Integer> inBucket = grouping(bucket).as("g_bucket");
        Field<Integer> inName = grouping(name).as("g_name");
        Field<Integer> inModel = grouping(MODEL).as("g_model");
        Field<Integer> inTeam = grouping(TEAM).as("g_team");

        List<SelectField<?>> fields = new ArrayList<>(List.of(inBucket, inName, inModel, inTeam, bucket, name, MODEL));
        if (byUser) {
            fields.add(TEAM);
        }
        fields.addAll(AnalyticsRepository.selecting());
        fields.add(ACTIVE_USERS);
        Field<?>[][] sets = byUser
                ? new Field<?>[][]{{}, {bucket}, {bucket, TEAM}, {name}, {name, bucket}, {name, MODEL}, {name, TEAM}}
                : new Field<?>[][]{{}, {bucket}, {bucket, name}, {name}, {name, MODEL}};
        Condition selected = AnalyticsRepository.selected(query.customer(), utc(query.from()), utc(query.to()), query.filters());

        Assembly assembly = new Assembly(query);
        db.select(fields).from(USAGE_HOURLY).where(selected).groupBy(groupingSets(sets)).fetch().forEach(group -> {
            boolean b = group.get(inBucket) == 0;
            boolean n = group.get(inName) == 0;
            boolean m = group.get(inModel) == 0;
            boolean t = group.get(inTeam) == 0 && byUser; // in the team view the team is the name
            UsageCounters sums = AnalyticsRepository.counters(group);
            long active = group.get(ACTIVE_USERS);
            Instant start = b ? startOf(group.get(bucket)) : null;
            String label = n ? ActivityReport.label(group.get(name)) : null;
            if (!b && !n && !m && !t) {
                assembly.kpis = UsageReport.Kpis.of(active, sums);
            } else if (b && !n && !t) {
                assembly.bucket(start).total(active, sums);
            } else if (b && (t || n && !byUser)) {
                String team = ActivityReport.label(group.get(byUser ? TEAM : name));
                assembly.bucket(start).teams.add(new UsageReport.TeamShare(team, sums.requests(), sums.cost()));
                if (!byUser) {
                    assembly.row(label).trend.put(start, sums.requests());
                }
            } else if (b) {
                assembly.row(label).trend.put(start, sums.requests());
            } else if (m) {
                if (!HourlyKey.ABSENT.equals(group.get(MODEL))) {
                    assembly.row(label).models.add(new Named(group.get(MODEL), sums.cost().value(), sums.requests()));
                }
            } else if (t) {
                if (!HourlyKey.ABSENT.equals(group.get(TEAM))) {
                    assembly.row(label).teams.add(new Named(group.get(TEAM), sums.cost().value(), sums.requests()));
                }
            } else {
                assembly.row(label).total(active, sums);
            }
        });
        return assembly.report();
    }

    /** A model or team of a row, with what ranks it. */
    private record Named(String name, long cost, long requests) {
    }

    /** The groups of one answer, put in place as they come (in no order). */
    private static final class Assembly {

        private final UsageQuery query;
        private UsageReport.Kpis kpis;
        private final Map<Instant, BucketGroups> buckets = new HashMap<>();
        private final Map<String, RowGroups> rows = new HashMap<>();

        Assembly(UsageQuery query) {
            this.query = query;
        }

        BucketGroups bucket(Instant start) {
            return buckets.computeIfAbsent(start, s -> new BucketGroups());
        }

        RowGroups row(String name) {
            return rows.computeIfAbsent(name, RowGroups::new);
        }

        UsageReport report() {
            List<Instant> starts = new ArrayList<>();
            for (Instant start = query.bucket().startOf(query.from()); start.isBefore(query.to()); start = query.bucket().next(start)) {
                starts.add(start);
            }
            List<UsageReport.Bucket> series = starts.stream().map(start -> buckets.getOrDefault(start, new BucketGroups()).bucket(start)).toList();
            List<UsageReport.Row> table = rows.values().stream()
                    .map(row -> row.row(query.view(), starts))
                    .sorted(Comparator.comparing(UsageReport.Row::costMicrocents).reversed().thenComparing(UsageReport.Row::name))
                    .toList();
            return new UsageReport(query.view(), query.from(), query.to(), query.bucket(),
                    kpis == null ? UsageReport.Kpis.of(0, UsageCounters.ZERO) : kpis, series, table);
        }
    }

    private static final class BucketGroups {
        private long activeUsers;
        private UsageCounters sums = UsageCounters.ZERO;
        private final List<UsageReport.TeamShare> teams = new ArrayList<>();

        void total(long activeUsers, UsageCounters sums) {
            this.activeUsers = activeUsers;
            this.sums = sums;
        }

        UsageReport.Bucket bucket(Instant start) {
            List<UsageReport.TeamShare> byName = teams.stream().sorted(Comparator.comparing(UsageReport.TeamShare::team)).toList();
            return new UsageReport.Bucket(start, activeUsers, sums.requests(), sums.totalTokens(), sums.cost(), sums.charge(), byName);
        }
    }

    private static final class RowGroups {
        private final String name;
        private long users;
        private UsageCounters sums = UsageCounters.ZERO;
        private final Map<Instant, Long> trend = new TreeMap<>();
        private final List<Named> models = new ArrayList<>();
        private final List<Named> teams = new ArrayList<>();

        RowGroups(String name) {
            this.name = name;
        }

        void total(long users, UsageCounters sums) {
            this.users = users;
            this.sums = sums;
        }

        UsageReport.Row row(View view, List<Instant> starts) {
            List<String> byCost = models.stream()
                    .sorted(Comparator.comparingLong(Named::cost).reversed().thenComparing(Named::name))
                    .map(Named::name).toList();
            List<String> teamNames = view == View.TEAM ? List.of(name) : teams.stream()
                    .sorted(Comparator.comparingLong(Named::requests).reversed().thenComparing(Named::name))
                    .map(Named::name).toList();
            String team = teamNames.isEmpty() ? null : teamNames.getFirst();
            List<Long> requestsPerBucket = starts.stream().map(start -> trend.getOrDefault(start, 0L)).toList();
            return new UsageReport.Row(name, team, teamNames, users, sums.requests(), sums.inputTokens(), sums.outputTokens(),
                    sums.cacheReadTokens(), sums.cacheWriteTokens(), sums.totalTokens(), sums.cost(), sums.charge(),
                    byCost, requestsPerBucket);
        }
    }

    private static Instant startOf(Object bucket) {
        return switch (bucket) {
            case LocalDate day -> day.atStartOfDay().toInstant(ZoneOffset.UTC);
            case OffsetDateTime hour -> hour.toInstant();
            default -> throw new IllegalStateException("unexpected bucket " + bucket.getClass());
        };
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
