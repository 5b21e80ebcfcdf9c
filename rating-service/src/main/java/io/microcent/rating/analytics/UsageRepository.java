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
import org.jooq.Table;
import org.jooq.impl.DSL;

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
 * The Usage page's figures from the hourly rollups, in two statements that each read the range once. The sums:
 * PostgreSQL sums the selected rows per bucket, user, team and model, then groups those sums by several grouping
 * sets at a time (the range; each bucket; each bucket and team; each user or team; and each of those per bucket,
 * per model and, in the user view, per team). The active users: distinct counts per range, bucket and team. Java
 * only puts the groups in place; it adds nothing up, so the rows add up to the totals exactly as PostgreSQL
 * summed them.
 */
public final class UsageRepository {

    /** The bucket's column in the derived tables: the hour, or the day. */
    private static final Field<Object> BUCKET = DSL.field(DSL.name("bucket"));
    private static final Field<String> USER = USAGE_HOURLY.USER_ID;
    private static final Field<String> TEAM = USAGE_HOURLY.TEAM;
    private static final Field<String> MODEL = USAGE_HOURLY.MODEL;

    private final DSLContext db;

    public UsageRepository(DSLContext db) {
        this.db = db;
    }

    public UsageReport report(UsageQuery query) {
        return db.transactionResult(tx -> {
            DSLContext analytics = tx.dsl();
            AnalyticsRepository.allowHashAggregation(analytics);
            return report(analytics, query);
        });
    }

    private static UsageReport report(DSLContext db, UsageQuery query) {
        boolean byUser = query.view() == View.USER;
        Condition selected = AnalyticsRepository.selected(query.customer(), utc(query.from()), utc(query.to()), query.filters());
        Field<?> hourOrDay = query.bucket() == Bucket.DAY ? USAGE_HOURLY.DAY : USAGE_HOURLY.HOUR;
        Assembly assembly = new Assembly(query);
        ActiveUsers active = activeUsers(db, selected, hourOrDay);

        // the selected rows summed per bucket, user, team and model (one hash aggregation over the range), then
        // those sums grouped by every grouping set at once; no distinct count here, so both stay hash aggregations
        Table<?> perBucketUserTeamModel = db.select(AnalyticsRepository.selectingAsBigints(hourOrDay.as(BUCKET.getName()),
                        USER.as(USER.getName()), TEAM.as(TEAM.getName()), MODEL.as(MODEL.getName())))
                .from(USAGE_HOURLY).where(selected)
                .groupBy(hourOrDay, USER, TEAM, MODEL)
                .asTable("per_bucket");
        Field<?> bucket = perBucketUserTeamModel.field(BUCKET.getName());
        Field<String> user = perBucketUserTeamModel.field(USER.getName(), String.class);
        Field<String> team = perBucketUserTeamModel.field(TEAM.getName(), String.class);
        Field<String> model = perBucketUserTeamModel.field(MODEL.getName(), String.class);
        Field<String> name = byUser ? user : team;
        Field<Integer> inBucket = grouping(bucket).as("g_bucket");
        Field<Integer> inName = grouping(name).as("g_name");
        Field<Integer> inModel = grouping(model).as("g_model");
        Field<Integer> inTeam = grouping(team).as("g_team");
        List<SelectField<?>> fields = new ArrayList<>(List.of(inBucket, inName, inModel, inTeam, bucket, name, model));
        if (byUser) {
            fields.add(team);
        }
        fields.addAll(AnalyticsRepository.summing(perBucketUserTeamModel));
        Field<?>[][] sets = byUser
                ? new Field<?>[][]{{}, {bucket}, {bucket, team}, {name}, {name, bucket}, {name, model}, {name, team}}
                : new Field<?>[][]{{}, {bucket}, {bucket, name}, {name}, {name, model}};

        db.select(fields).from(perBucketUserTeamModel).groupBy(groupingSets(sets)).fetch().forEach(group -> {
            boolean b = group.get(inBucket) == 0;
            boolean n = group.get(inName) == 0;
            boolean m = group.get(inModel) == 0;
            boolean t = group.get(inTeam) == 0 && byUser; // in the team view the team is the name
            UsageCounters sums = AnalyticsRepository.counters(group);
            Instant start = b ? startOf(group.get(bucket)) : null;
            String stored = n ? group.get(name) : null;
            if (!b && !n && !m && !t) {
                assembly.kpis = UsageReport.Kpis.of(active.inRange, sums);
            } else if (b && !n && !t) {
                assembly.bucket(start).total(active.perBucket.getOrDefault(start, 0L), sums);
            } else if (b && (t || n && !byUser)) {
                String teamLabel = ActivityReport.label(group.get(team));
                assembly.bucket(start).teams.add(new UsageReport.TeamShare(teamLabel, sums.requests(), sums.cost()));
                if (!byUser) {
                    assembly.row(stored).trend.put(start, sums.requests());
                }
            } else if (b) {
                assembly.row(stored).trend.put(start, sums.requests());
            } else if (m) {
                if (!HourlyKey.ABSENT.equals(group.get(model))) {
                    assembly.row(stored).models.add(new Named(group.get(model), sums.cost().value(), sums.requests()));
                }
            } else if (t) {
                if (!HourlyKey.ABSENT.equals(group.get(team))) {
                    assembly.row(stored).teams.add(new Named(group.get(team), sums.cost().value(), sums.requests()));
                }
            } else {
                // a user counts when named and with a request; a team's users are counted distinct in SQL
                long users = byUser ? (!HourlyKey.ABSENT.equals(stored) && sums.requests() > 0 ? 1 : 0)
                        : active.perTeam.getOrDefault(stored, 0L);
                assembly.row(stored).total(users, sums);
            }
        });
        return assembly.report();
    }

    /** Distinct named users with at least one request: in the range, per bucket, per team (stored value). */
    private record ActiveUsers(long inRange, Map<Instant, Long> perBucket, Map<String, Long> perTeam) {
    }

    /**
     * The distinct counts, apart from the sums: counting distinct values makes PostgreSQL sort its input, so it
     * counts over the selected rows' distinct (bucket, user, team) (one hash aggregation), not over the rows.
     */
    private static ActiveUsers activeUsers(DSLContext db, Condition selected, Field<?> hourOrDay) {
        Table<?> active = db.select(hourOrDay.as(BUCKET.getName()), USER.as(USER.getName()), TEAM.as(TEAM.getName()))
                .from(USAGE_HOURLY)
                .where(selected).and(USER.ne(HourlyKey.ABSENT)).and(USAGE_HOURLY.REQUESTS.gt(0L))
                .groupBy(hourOrDay, USER, TEAM)
                .asTable("active");
        Field<?> bucket = active.field(BUCKET.getName());
        Field<String> team = active.field(TEAM.getName(), String.class);
        Field<Integer> inBucket = grouping(bucket).as("g_bucket");
        Field<Integer> inTeam = grouping(team).as("g_team");
        Field<Integer> users = countDistinct(active.field(USER.getName())).as("users");
        long inRange = 0;
        Map<Instant, Long> perBucket = new HashMap<>();
        Map<String, Long> perTeam = new HashMap<>();
        for (Record group : db.select(inBucket, inTeam, bucket, team, users).from(active)
                .groupBy(groupingSets(new Field<?>[]{}, new Field<?>[]{bucket}, new Field<?>[]{team})).fetch()) {
            long count = group.get(users);
            if (group.get(inBucket) == 0) {
                perBucket.put(startOf(group.get(bucket)), count);
            } else if (group.get(inTeam) == 0) {
                perTeam.put(group.get(team), count);
            } else {
                inRange = count;
            }
        }
        return new ActiveUsers(inRange, perBucket, perTeam);
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

        /** The row of a user's or team's stored value ({@link HourlyKey#ABSENT} for usage that named none). */
        RowGroups row(String stored) {
            return rows.computeIfAbsent(ActivityReport.label(stored), RowGroups::new);
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
