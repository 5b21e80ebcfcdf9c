package io.microcent.rating.analytics;

import io.microcent.rating.rollups.HourlyKey;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

import java.util.ArrayList;
import java.util.List;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.grouping;
import static org.jooq.impl.DSL.groupingSets;
import static org.jooq.impl.DSL.selectDistinct;

/**
 * The answer of {@code GET /v1/analytics/dimensions}: the distinct values of the range's usage that filters can
 * choose from, each list sorted (by their text, whatever the database's collation), usage that named none left out.
 *
 * @param users distinct named users with at least one request, as {@code activeUsers} counts them
 */
public record Dimensions(List<String> apiKeys, List<String> teams, List<String> tags, long users, List<String> customers) {

    /**
     * Reads them in three statements over the selected rows, each one hash aggregation: the columns' distinct values
     * (one grouping set each), the tags' distinct values, and the number of active users.
     */
    static Dimensions of(DSLContext db, UsageQuery query) {
        return of(db, RollupRows.Routing.DAILY_WHERE_WHOLE, query);
    }

    static Dimensions of(DSLContext db, RollupRows.Routing routing, UsageQuery query) {
        return db.transactionResult(tx -> {
            DSLContext analytics = tx.dsl();
            AnalyticsRepository.allowHashAggregation(analytics);
            return read(analytics, routing, query);
        });
    }

    private static Dimensions read(DSLContext db, RollupRows.Routing routing, UsageQuery query) {
        Table<?> rows = RollupRows.of(routing, query.customer(), UsageRepository.utc(query.from()),
                UsageRepository.utc(query.to()), query.filters(), false);
        Field<Integer> ofApiKeys = grouping(RollupRows.API_KEY_ID).as("g_api_key");
        Field<Integer> ofTeams = grouping(RollupRows.TEAM).as("g_team");
        List<String> apiKeys = new ArrayList<>();
        List<String> teams = new ArrayList<>();
        List<String> customers = new ArrayList<>();
        for (Record value : db.select(ofApiKeys, ofTeams, RollupRows.API_KEY_ID, RollupRows.TEAM, RollupRows.CUSTOMER)
                .from(rows)
                .groupBy(groupingSets(RollupRows.API_KEY_ID, RollupRows.TEAM, RollupRows.CUSTOMER)).fetch()) {
            if (value.get(ofApiKeys) == 0) {
                apiKeys.add(value.get(RollupRows.API_KEY_ID));
            } else if (value.get(ofTeams) == 0) {
                teams.add(value.get(RollupRows.TEAM));
            } else {
                customers.add(value.get(RollupRows.CUSTOMER));
            }
        }
        Field<String> tag = AnalyticsRepository.EACH_TAG;
        List<String> tags = db.fetch(selectDistinct(tag).from(rows.crossJoin(AnalyticsRepository.EACH_TAG_OF_ROW))).getValues(tag);
        // requests are never negative, so a day's row has requests exactly when one of its hours had
        int users = db.select(count()).from(db.select(RollupRows.USER_ID).from(rows)
                        .where(RollupRows.USER_ID.ne(HourlyKey.ABSENT)).and(RollupRows.REQUESTS.gt(0L))
                        .groupBy(RollupRows.USER_ID))
                .fetchOne(0, int.class);
        return new Dimensions(named(apiKeys), named(teams), named(tags), users, named(customers));
    }

    /** The values sorted, without {@link HourlyKey#ABSENT} (usage that named none). */
    private static List<String> named(List<String> values) {
        return values.stream().filter(value -> !HourlyKey.ABSENT.equals(value)).sorted().toList();
    }
}
