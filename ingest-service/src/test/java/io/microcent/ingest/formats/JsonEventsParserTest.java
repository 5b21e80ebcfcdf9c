package io.microcent.ingest.formats;

import io.microcent.ingest.events.ParsedEvents;
import io.microcent.ingest.events.TokenCounts;
import io.microcent.ingest.events.UsageEventRequest;
import io.microcent.ingest.providers.ProviderUsageAdapters;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.FieldError;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ReservationId;
import io.microcent.platform.http.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

class JsonEventsParserTest {

    private static final String VALID = """
            "id":"evt-1","customer":"acme","timestamp":"2025-01-31T12:00:00Z\"""";

    private final JsonEventsParser parser = new JsonEventsParser(new UsageFieldsReader(ProviderUsageAdapters.standard()));

    @Test
    void aSingleEventObjectIsReadWithEveryFieldAndNoIndex() {
        ParsedEvents parsed = parse("""
                {"id":"evt-1","customer":"acme","timestamp":"2025-01-31T12:00:00Z","project":"Search",
                 "costCenter":"R&D","apiKeyId":"gw-key-7","user":"ann@acme.io","team":"core","provider":"openai",
                 "model":"gpt-4o","requests":2,"inputTokens":100,"outputTokens":50,"cacheReadTokens":30,
                 "cacheWriteTokens":20,"reservationId":"rsv_0123456789abcdef01234567","somethingNew":true}""");

        assertThat(parsed.batch()).isFalse();
        assertThat(parsed.errors()).isEmpty();
        UsageEventRequest event = parsed.events().getFirst();
        assertThat(event.id()).isEqualTo(EventId.of("evt-1"));
        assertThat(event.customer()).isEqualTo(CustomerId.of("acme"));
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2025-01-31T12:00:00Z"));
        assertThat(event.usage().project().raw()).isEqualTo("Search");
        assertThat(event.usage().costCenter().raw()).isEqualTo("R&D");
        assertThat(event.usage().apiKeyId().raw()).isEqualTo("gw-key-7");
        assertThat(event.usage().user().raw()).isEqualTo("ann@acme.io");
        assertThat(event.usage().team().raw()).isEqualTo("core");
        assertThat(event.usage().provider()).isEqualTo("openai");
        assertThat(event.usage().model().raw()).isEqualTo("gpt-4o");
        assertThat(event.usage().requests()).isEqualTo(2);
        assertThat(event.usage().tokens()).isEqualTo(new TokenCounts(100, 50, 30, 20));
        assertThat(event.usage().reservationId()).isEqualTo(ReservationId.of("rsv_0123456789abcdef01234567"));
    }

    @Test
    void absentQuantitiesDefaultToOneRequestAndZeroTokensAndAbsentScopesToNull() {
        UsageEventRequest event = parse("{" + VALID + ",\"project\":null}").events().getFirst();

        assertThat(event.usage().requests()).isEqualTo(1);
        assertThat(event.usage().tokens()).isEqualTo(TokenCounts.NONE);
        assertThat(event.usage().project()).isNull();
        assertThat(event.usage().model()).isNull();
        assertThat(event.usage().reservationId()).isNull();
    }

    @Test
    void timestampsWithAnOffsetAreReadAsTheSameInstant() {
        UsageEventRequest event = parse("""
                {"id":"e","customer":"acme","timestamp":"2025-01-31T14:00:00+02:00"}""").events().getFirst();

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2025-01-31T12:00:00Z"));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            "customer":"acme","timestamp":"2025-01-31T12:00:00Z"                    | id               | required
            "id":null,"customer":"acme","timestamp":"2025-01-31T12:00:00Z"          | id               | required
            "id":"evt","timestamp":"2025-01-31T12:00:00Z"                            | customer         | required
            "id":"evt","customer":"acme"                                              | timestamp        | required
            "id":"","customer":"acme","timestamp":"2025-01-31T12:00:00Z"            | id               | invalid_id
            "id":"has space","customer":"acme","timestamp":"2025-01-31T12:00:00Z"   | id               | invalid_id
            "id":"evt","customer":"acme corp","timestamp":"2025-01-31T12:00:00Z"    | customer         | invalid_id
            "id":"evt","customer":"acme","timestamp":"2025-01-31T12:00:00Z","model":"gpt 4" | model    | invalid_id
            "id":"evt","customer":"acme","timestamp":"2025-01-31T12:00:00Z","provider":" "  | provider | invalid_id
            "id":42,"customer":"acme","timestamp":"2025-01-31T12:00:00Z"            | id               | wrong_type
            "id":"evt","customer":["acme"],"timestamp":"2025-01-31T12:00:00Z"       | customer         | wrong_type
            "id":"evt","customer":"acme","timestamp":1738324800000                   | timestamp        | wrong_type
            "id":"evt","customer":"acme","timestamp":"2025-01-31 12:00:00"           | timestamp        | invalid_timestamp
            "id":"evt","customer":"acme","timestamp":"2025-01-31"                    | timestamp        | invalid_timestamp
            "id":"evt","customer":"acme","timestamp":"2025-01-31T12:00:00Z","inputTokens":"100"  | inputTokens | wrong_type
            "id":"evt","customer":"acme","timestamp":"2025-01-31T12:00:00Z","outputTokens":1.5   | outputTokens | wrong_type
            "id":"evt","customer":"acme","timestamp":"2025-01-31T12:00:00Z","requests":true      | requests | wrong_type
            "id":"evt","customer":"acme","timestamp":"2025-01-31T12:00:00Z","cacheReadTokens":99999999999999999999  | cacheReadTokens  | too_large
            "id":"evt","customer":"acme","timestamp":"2025-01-31T12:00:00Z","cacheWriteTokens":-99999999999999999999 | cacheWriteTokens | negative
            "id":"evt","customer":"acme","timestamp":"2025-01-31T12:00:00Z","requests":-1                         | requests         | negative
            "id":"evt","customer":"acme","timestamp":"2025-01-31T12:00:00Z","inputTokens":-5                      | inputTokens      | negative
            "id":"evt","customer":"acme","timestamp":"2025-01-31T12:00:00Z","inputTokens":1000000000001           | inputTokens      | too_large
            "id":"evt","customer":"acme","timestamp":"2025-01-31T12:00:00Z","outputTokens":9223372036854775807    | outputTokens     | too_large
            "id":"%s","customer":"acme","timestamp":"2025-01-31T12:00:00Z"                                        | id               | invalid_id
            "id":"evt","customer":"%s","timestamp":"2025-01-31T12:00:00Z"                                         | customer         | invalid_id
            "id":"evt","customer":"acme","timestamp":"2025-01-31T12:00:00Z","project":"%s"                        | project          | invalid_id
            "id":"evt","customer":"acme","timestamp":"2025-01-31T12:00:00Z","reservationId":"rsv 1"               | reservationId    | invalid_id
            "id":"evt","customer":"acme","timestamp":"2025-01-31T12:00:00Z","reservationId":""                    | reservationId    | invalid_id
            "id":"evt","customer":"acme","timestamp":"2025-01-31T12:00:00Z","reservationId":"%s"                  | reservationId    | invalid_id
            "id":"evt","customer":"acme","timestamp":"2025-01-31T12:00:00Z","reservationId":42                    | reservationId    | wrong_type
            """)
    void aBadFieldIsReportedWithItsNameAndReason(String fields, String field, String reason) {
        // %s stands for an id longer than the id records allow (their limits are the only ones)
        ParsedEvents parsed = parse("{" + fields.replace("%s", "x".repeat(201)) + "}");

        assertThat(parsed.errors()).singleElement().satisfies(error -> {
            assertThat(error.index()).isNull();
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.code()).isEqualTo(reason);
            assertThat(error.detail()).contains(field);
        });
    }

    @Test
    void everyBadFieldOfEveryEventIsReportedWithItsIndex() {
        ParsedEvents parsed = parse("[{" + VALID + "}, {\"customer\":\"acme\",\"timestamp\":\"yesterday\"}, 7, {"
                + VALID + ",\"inputTokens\":\"many\"}]");

        assertThat(parsed.batch()).isTrue();
        assertThat(parsed.errors()).extracting(FieldError::index, FieldError::field, FieldError::code).containsExactly(
                tuple(1, "id", "required"),
                tuple(1, "timestamp", "invalid_timestamp"),
                tuple(2, "event", "wrong_type"),
                tuple(3, "inputTokens", "wrong_type"));
        assertThat(parsed.events()).hasSize(4);
        assertThat(parsed.events().get(2)).isNull();
    }

    @ParameterizedTest(name = "body ''{0}''")
    @ValueSource(strings = {"", "   ", "{\"id\":\"evt\",", "[{\"id\":\"evt\"}] trailing", "not json", "null"})
    void aBodyThatIsNotJsonOrJsonNullIsRefusedWholeAsMalformed(String body) {
        ApiException refused = refuse(body);

        assertThat(refused.code()).isEqualTo(ErrorCode.MALFORMED_JSON);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            []               | required
            "an event"       | wrong_type
            42               | wrong_type
            """)
    void aBodyThatIsNotABatchOfEventsIsRefusedWhole(String body, String reason) {
        ApiException refused = refuse(body);

        assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(refused.toProblem().errors()).singleElement()
                .satisfies(error -> assertThat(error.field() + " " + error.code()).isEqualTo("body " + reason));
    }

    @Test
    void aBatchOfMoreThanTenThousandEventsIsRefusedWholeButTenThousandAreRead() {
        String event = "{" + VALID + "}";
        String tenThousand = "[" + String.join(",", Collections.nCopies(EventsParser.MAX_EVENTS_PER_REQUEST, event)) + "]";
        String tenThousandAndOne = "[" + event + "," + tenThousand.substring(1);

        assertThat(parse(tenThousand).events()).hasSize(10_000);
        ApiException refused = refuse(tenThousandAndOne);
        assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(refused.toProblem().errors()).singleElement()
                .satisfies(error -> assertThat(error.code()).isEqualTo("too_large"));
    }

    @Test
    void everyIdAndLabelFieldRefusesMalformedUnicodeControlSeparatorAndBidiCharacters() {
        // JSON escapes: NUL, a lone surrogate, DEL, a C1 control, the line separator, a bidi override and isolate
        List<String> badValues = List.of("x\\u0000y", "x\\ud800", "x\\u007f", "x\\u0085", "x\\u2028", "x\\u202e", "x\\u2066");
        List<String> fields = List.of("id", "customer", "project", "costCenter", "apiKeyId", "user", "team", "provider",
                "model");
        for (String field : fields) {
            for (String bad : badValues) {
                Map<String, String> event = new LinkedHashMap<>(Map.of("id", "evt", "customer", "acme",
                        "timestamp", "2025-01-31T12:00:00Z"));
                event.put(field, bad);
                String body = event.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                        .collect(Collectors.joining(",", "{", "}"));

                assertThat(parse(body).errors()).as(body).extracting(FieldError::field, FieldError::code)
                        .containsExactly(tuple(field, "invalid_id"));
            }
        }
    }

    @Test
    void loneSurrogatesThatWouldEncodeAlikeAreRefusedInsteadOfCollidingAsDuplicates() {
        // x + U+D800 and x + U+D801 both became "x?" in UTF-8: the second event was dropped as a duplicate
        ParsedEvents parsed = parse("[{\"id\":\"x\\ud800\",\"customer\":\"acme\",\"timestamp\":\"2025-01-31T12:00:00Z\"},"
                + "{\"id\":\"x?\",\"customer\":\"acme\",\"timestamp\":\"2025-01-31T12:00:00Z\"}]");

        assertThat(parsed.errors()).extracting(FieldError::index, FieldError::field, FieldError::code)
                .containsExactly(tuple(0, "id", "invalid_id"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"C0 80", "C1 81", "E0 80 80", "ED A0 80", "F4 90 80 80", "FF"})
    void aBodyThatIsNotWellFormedUtf8IsRefusedAsMalformed(String hexBytes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"id\":\"x".getBytes(StandardCharsets.UTF_8));
        for (String hex : hexBytes.split(" ")) {
            body.write(Integer.parseInt(hex, 16));
        }
        body.writeBytes(("\"," + VALID.substring(VALID.indexOf("\"customer"))  + "}").getBytes(StandardCharsets.UTF_8));

        ApiException refused = catchThrowableOfType(ApiException.class, () -> parser.parse(body.toByteArray()));

        assertThat(refused).as(hexBytes).isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.MALFORMED_JSON);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            inputTokens      | 100000000 | ok
            inputTokens      | 100000001 | too_large
            outputTokens     | 100000001 | too_large
            cacheReadTokens  | 100000001 | too_large
            cacheWriteTokens | 100000001 | too_large
            requests         | 1000000   | ok
            requests         | 1000001   | too_large
            outputTokens     | 1000000000000 | too_large
            """)
    void quantitiesAreLimitedSoThatEverySumOfMoneyStaysExact(String field, String value, String expected) {
        ParsedEvents parsed = parse("{" + VALID + ",\"model\":\"o1-pro\",\"" + field + "\":" + value + "}");

        assertThat(parsed.errors()).extracting(FieldError::field, FieldError::code)
                .containsExactlyElementsOf(expected.equals("ok") ? List.of() : List.of(tuple(field, expected)));
    }

    private ParsedEvents parse(String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private ApiException refuse(String body) {
        return catchThrowableOfType(ApiException.class, () -> parse(body));
    }
}
