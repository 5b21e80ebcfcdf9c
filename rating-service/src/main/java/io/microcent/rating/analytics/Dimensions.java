package io.microcent.rating.analytics;

import io.microcent.rating.rollups.HourlyKey;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;

import java.util.Arrays;
import java.util.List;

import static io.microcent.rating.db.Tables.USAGE_HOURLY;
import static org.jooq.impl.DSL.arrayAggDistinct;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.selectDistinct;

/**
 * The answer of {@code GET /v1/analytics/dimensions}: the distinct values of the range's usage that filters can
 * choose from, each list sorted (by their text, whatever the database's collation), usage that named none left out.
 *
 * @param users distinct named users with at least one request, as {@code activeUsers} counts them
 */
public record Dimensions(List<String> apiKeys, List<String> teams, List<String> tags, long users, List<String> customers) {

    /** Reads them in two statements over the selected rows: the columns' distinct values, and the tags'. */
    static Dimensions of(DSLContext db, UsageQuery query) {
        Condition selected = AnalyticsRepository.selected(query.customer(), UsageRepository.utc(query.from()),
                UsageRepository.utc(query.to()), query.filters());
        Record4<String[], String[], String[], Integer> values = db.select(
                        named(USAGE_HOURLY.API_KEY_ID), named(USAGE_HOURLY.TEAM), arrayAggDistinct(USAGE_HOURLY.CUSTOMER),
                        countDistinct(USAGE_HOURLY.USER_ID).filterWhere(USAGE_HOURLY.USER_ID.ne(HourlyKey.ABSENT)
                                .and(USAGE_HOURLY.REQUESTS.gt(0L))))
                .from(USAGE_HOURLY).where(selected).fetchOne();
        Field<String> tag = AnalyticsRepository.EACH_TAG;
        List<String> tags = db.fetch(selectDistinct(tag).from(USAGE_HOURLY.crossJoin(AnalyticsRepository.EACH_TAG_OF_ROW))
                        .where(selected).and(tag.ne(HourlyKey.ABSENT)))
                .getValues(tag).stream().sorted().toList();
        return new Dimensions(sorted(values.value1()), sorted(values.value2()), tags, values.value4(), sorted(values.value3()));
    }

    private static Field<String[]> named(Field<String> column) {
        return arrayAggDistinct(column).filterWhere(column.ne(HourlyKey.ABSENT));
    }

    /** An aggregate of no rows is null. */
    private static List<String> sorted(String[] values) {
        return values == null ? List.of() : Arrays.stream(values).sorted().toList();
    }
}
