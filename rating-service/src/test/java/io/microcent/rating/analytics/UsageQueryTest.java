package io.microcent.rating.analytics;

import io.microcent.model.error.FieldError;
import io.microcent.platform.http.ApiException;
import io.microcent.rating.rollups.HourlyKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class UsageQueryTest {

    @ParameterizedTest(name = "from={0} to={1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-01           | 2026-11-30           | 2026-11-01T00:00:00Z | 2026-12-01T00:00:00Z | DAY
            2026-11-30           | 2026-11-30           | 2026-11-30T00:00:00Z | 2026-12-01T00:00:00Z | HOUR
            2026-11-30T14:20:00Z | 2026-11-30T16:00:00Z | 2026-11-30T14:00:00Z | 2026-11-30T16:00:00Z | HOUR
            2026-11-30T14:00:00Z | 2026-11-30T16:00:01Z | 2026-11-30T14:00:00Z | 2026-11-30T17:00:00Z | HOUR
            2026-11-29           | 2026-11-30           | 2026-11-29T00:00:00Z | 2026-12-01T00:00:00Z | HOUR
            2026-11-29           | 2026-12-01T00:00:01Z | 2026-11-29T00:00:00Z | 2026-12-01T01:00:00Z | DAY
            """)
    void datesAreWholeDaysInstantsWholeHoursAndUpTo48HoursTheBucketsAreHours(String from, String to, Instant start,
                                                                             Instant end, UsageQuery.Bucket bucket) {
        UsageQuery query = parse(Map.of("from", from, "to", to));

        assertThat(query.from()).isEqualTo(start);
        assertThat(query.to()).isEqualTo(end);
        assertThat(query.bucket()).isEqualTo(bucket);
        assertThat(query.view()).isEqualTo(UsageQuery.View.USER);
    }

    @Test
    void aYearOf366DaysIsAllowedAndAnHourMoreIsNot() {
        assertThat(parse(Map.of("from", "2028-01-01", "to", "2028-12-31")).to()).isEqualTo(Instant.parse("2029-01-01T00:00:00Z"));
        ApiException problem = catchThrowableOfType(ApiException.class,
                () -> parse(Map.of("from", "2028-01-01", "to", "2029-01-01T00:30:00Z")));
        assertThat(problem.toProblem().errors()).extracting(FieldError::field, FieldError::code).containsExactly(tuple("to", "range_too_long"));
    }

    @Test
    void filtersRepeatAndNoneStandsForUsageThatNamedNone() {
        Map<String, List<String>> parameters = new HashMap<>(Map.of("from", List.of("2026-11-01"), "to", List.of("2026-11-02"),
                "tag", List.of("env:prod", "env:staging", "(none)"), "team", List.of("ml"), "view", List.of("team"),
                "bucket", List.of("day")));

        UsageQuery query = UsageQuery.parse(name -> parameters.getOrDefault(name, List.of()));

        assertThat(query.filters().values()).containsOnlyKeys(UsageFilter.TAG, UsageFilter.TEAM);
        assertThat(query.filters().values().get(UsageFilter.TAG)).isEqualTo(Set.of("env:prod", "env:staging", HourlyKey.ABSENT));
        assertThat(query.view()).isEqualTo(UsageQuery.View.TEAM);
        assertThat(query.bucket()).isEqualTo(UsageQuery.Bucket.DAY);
    }

    @Test
    void everyBadParameterIsNamedInOneAnswer() {
        Map<String, List<String>> parameters = Map.of("from", List.of("yesterday"), "view", List.of("org"),
                "bucket", List.of("week"), "tag", List.of("nocolon"), "user", List.of(" "));

        ApiException problem = catchThrowableOfType(ApiException.class,
                () -> UsageQuery.parse(name -> parameters.getOrDefault(name, List.of())));

        assertThat(problem.toProblem().errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("from", "invalid_date"), tuple("to", "required"), tuple("view", "unknown_value"),
                tuple("bucket", "unknown_value"), tuple("tag", "invalid_tag"), tuple("user", "invalid_id"));
    }

    @Test
    void everyFilterIsSpelledAsTheGroupingOfItsDimension() {
        for (UsageFilter filter : UsageFilter.values()) {
            assertThat(GroupBy.parse(filter.parameter())).as(filter.parameter()).isPresent();
        }
    }

    private static UsageQuery parse(Map<String, String> parameters) {
        return UsageQuery.parse(QueryParameters.single(parameters));
    }
}
