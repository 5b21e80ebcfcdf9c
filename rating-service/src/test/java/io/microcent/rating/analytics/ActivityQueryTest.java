package io.microcent.rating.analytics;

import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.FieldError;
import io.microcent.model.id.CustomerId;
import io.microcent.platform.http.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ActivityQueryTest {

    @Test
    void readsTheRangeTheDimensionAndTheCustomer() {
        ActivityQuery query = parse(Map.of("from", "2026-11-01", "to", "2026-11-30", "groupBy", "costCenter", "customer", "acme"));

        assertThat(query).isEqualTo(new ActivityQuery(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                GroupBy.COST_CENTER, Optional.of(CustomerId.of("acme"))));
        assertThat(query.days()).isEqualTo(30);
    }

    @Test
    void withoutGroupByTheBreakdownIsByModelAndWithoutCustomerItCoversAllCustomers() {
        ActivityQuery query = parse(Map.of("from", "2026-11-05", "to", "2026-11-05"));

        assertThat(query.groupBy()).isEqualTo(GroupBy.MODEL);
        assertThat(query.customer()).isEmpty();
        assertThat(query.days()).isEqualTo(1);
    }

    @Test
    void aWholeLeapYearIsTheLongestRange() {
        assertThat(parse(Map.of("from", "2028-01-01", "to", "2028-12-31")).days()).isEqualTo(366);
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource({
            "from, 2026-11-31, invalid_date",
            "from, 2026-2-01, invalid_date",
            "from, yesterday, invalid_date",
            "to, 2026-11-05T00:00:00Z, invalid_date",
            "to, 2026-10-31, before_from",
            "to, 2027-11-02, range_too_long",
            "groupBy, models, unknown_value",
            "groupBy, Model, unknown_value",
            "customer, ' ', invalid_id",
    })
    void aBadParameterIsAnInvalidParameterNamingIt(String parameter, String value, String code) {
        Map<String, String> parameters = new HashMap<>(Map.of("from", "2026-11-01", "to", "2026-11-30"));
        parameters.put(parameter, value);

        ApiException problem = catchThrowableOfType(ApiException.class, () -> parse(parameters));

        assertThat(problem.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(problem.toProblem().errors()).singleElement()
                .extracting(FieldError::field, FieldError::code).containsExactly(parameter, code);
    }

    @Test
    void everyBadParameterIsNamedInOneAnswer() {
        ApiException problem = catchThrowableOfType(ApiException.class, () -> parse(Map.of("to", "soon", "groupBy", "planet")));

        assertThat(problem.toProblem().errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("from", "required"),
                tuple("to", "invalid_date"),
                tuple("groupBy", "unknown_value"));
    }

    private static ActivityQuery parse(Map<String, String> parameters) {
        return ActivityQuery.parse(QueryParameters.single(parameters));
    }
}
