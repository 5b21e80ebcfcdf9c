package io.microcent.rating.analytics;

import io.microcent.rating.analytics.UsageQuery.Bucket;
import io.microcent.rating.analytics.UsageQuery.View;
import io.microcent.rating.rollups.HourlyKey;
import io.microcent.rating.rollups.UsageCounters;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
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
import java.util.function.Function;

import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.grouping;
import static org.jooq.impl.DSL.groupingSets;

/**
 * The Usage page's figures from the rollups ({@link RollupRows}), in two statements that each read the range once.
 * The sums and active users: PostgreSQL sums the selected rows per bucket, user and team, then groups those sums by
 * several grouping sets at a time (the range; each bucket; each bucket and team; each user or team; and each of
 * those per bucket and, in the user view, per team). The models of each row: summed per user (or team) and model. Java only
 * puts the groups in place; it adds nothing up, so the rows add up to the totals exactly as PostgreSQL summed them.
 */
public final class UsageRepository {

    /** The bucket's column in the derived tables: the hour, or the day. */
    private static final Field<Object> BUCKET = DSL.field(DSL.name("bucket"));
    private static final Field<String> USER = RollupRows.USER_ID;
    private static final Field<String> TEAM = RollupRows.TEAM;
    private static final Field<String> MODEL = RollupRows.MODEL;

    private final DSLContext db;
    private final RollupRows.Routing routing;

    public UsageRepository(DSLContext db) {
        this(db, RollupRows.Routing.DAILY_WHERE_WHOLE);
    }

    UsageRepository(DSLContext db, RollupRows.Routing routing) {
        this.db = db;
        this.routing = routing;
    }

    public UsageReport report(UsageQuery query) {
        return db.transactionResult(tx -> {
            DSLContext analytics = tx.dsl();
            AnalyticsRepository.allowHashAggregation(analytics);
            return report(analytics, routing, query);
        });
    }

    private static UsageReport report(DSLContext db, RollupRows.Routing routing, UsageQuery query) {
        boolean byUser = query.view() == View.USER;
        boolean hourly = query.bucket() == Bucket.HOUR;
        Table<?> rows = RollupRows.of(routing, query.customer(), utc(query.from()), utc(query.to()), query.filters(), hourly);
        Field<?> hourOrDay = hourly ? RollupRows.HOUR : RollupRows.DAY;
        Assembly assembly = new Assembly(query);

        // the selected rows summed per bucket, user and team (one hash aggregation over the range, to a few sums
        // per user and bucket), then those sums grouped by every grouping set at once; the distinct counts of
        // active users sort only these few sums, not the range's rows
        Table<?> perBucket = db.select(AnalyticsRepository.selectingAsBigints(hourOrDay.as(BUCKET.getName()),
                        USER.as(USER.getName()), TEAM.as(TEAM.getName())))
                .from(rows)
                .groupBy(hourOrDay, USER, TEAM)
                .asTable("per_bucket");
        Field<?> bucket = perBucket.field(BUCKET.getName());
        Field<String> user = perBucket.field(USER.getName(), String.class);
        Field<String> team = perBucket.field(TEAM.getName(), String.class);
        Field<String> name = byUser ? user : team;
        Field<Integer> inBucket = grouping(bucket).as("g_bucket");
        Field<Integer> inName = grouping(name).as("g_name");
        Field<Integer> inTeam = grouping(team).as("g_team");
        Field<Integer> activeUsers = countDistinct(user)
                .filterWhere(user.ne(HourlyKey.ABSENT).and(perBucket.field(RollupRows.REQUESTS.getName(), Long.class).gt(0L)))
                .as("active_users");
        List<SelectField<?>> fields = new ArrayList<>(List.of(inBucket, inName, inTeam, bucket, name));
        if (byUser) {
            fields.add(team);
        }
        fields.addAll(AnalyticsRepository.summing(perBucket));
        fields.add(activeUsers);
        Field<?>[][] sets = byUser
                ? new Field<?>[][]{{}, {bucket}, {bucket, team}, {name}, {name, bucket}, {name, team}}
                : new Field<?>[][]{{}, {bucket}, {bucket, name}, {name}};

        Result<Record> groups = db.select(fields).from(perBucket).groupBy(groupingSets(sets)).fetch();
        // tens of thousands of groups (users × buckets): each field's position is looked up once, not per group
        int atBucketFlag = groups.indexOf(inBucket);
        int atNameFlag = groups.indexOf(inName);
        int atTeamFlag = groups.indexOf(inTeam);
        int atBucket = groups.indexOf(bucket);
        int atName = groups.indexOf(name);
        int atTeam = groups.indexOf(team);
        int atActive = groups.indexOf(activeUsers);
        Function<Record, UsageCounters> counters = AnalyticsRepository.countersOf(groups);
        groups.forEach(group -> {
            boolean b = (Integer) group.get(atBucketFlag) == 0;
            boolean n = (Integer) group.get(atNameFlag) == 0;
            boolean t = (Integer) group.get(atTeamFlag) == 0 && byUser; // in the team view the team is the name
            UsageCounters sums = counters.apply(group);
            long active = (Integer) group.get(atActive);
            Instant start = b ? startOf(group.get(atBucket)) : null;
            String stored = n ? (String) group.get(atName) : null;
            if (!b && !n && !t) {
                assembly.kpis = UsageReport.Kpis.of(active, sums);
            } else if (b && !n && !t) {
                assembly.bucket(start).total(active, sums);
            } else if (b && (t || !byUser)) {
                String teamLabel = ActivityReport.label((String) group.get(atTeam));
                assembly.bucket(start).teams.add(new UsageReport.TeamShare(teamLabel, sums.requests(), sums.cost()));
                if (!byUser) {
                    assembly.row(stored).trend.put(start, sums.requests());
                }
            } else if (b) {
                assembly.row(stored).trend.put(start, sums.requests());
            } else if (t) {
                if (!HourlyKey.ABSENT.equals((String) group.get(atTeam))) {
                    assembly.row(stored).teams.add(new Named((String) group.get(atTeam), sums.cost().value(), sums.requests()));
                }
            } else {
                assembly.row(stored).total(active, sums);
            }
        });

        // the models of each row: one more pass, a hash aggregation to a few sums per user (or team) and model
        Field<String> nameColumn = byUser ? USER : TEAM;
        Field<BigDecimal> cost = DSL.sum(RollupRows.COST_MICROCENTS).as("cost");
        db.select(nameColumn, MODEL, cost).from(rows).where(MODEL.ne(HourlyKey.ABSENT))
                .groupBy(nameColumn, MODEL)
                .forEach(model -> assembly.row(model.get(nameColumn)).models
                        .add(new Named(model.get(MODEL), model.get(cost).longValueExact(), 0)));
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
