package io.microcent.ingest.formats;

import io.microcent.ingest.events.EventFieldNames;
import io.microcent.ingest.events.ParsedEvents;
import io.microcent.ingest.events.TokenCounts;
import io.microcent.ingest.events.UsageEventRequest;
import io.microcent.ingest.providers.ProviderUsageAdapters;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.FieldError;
import io.microcent.model.id.ReservationId;
import io.microcent.platform.http.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

class CloudEventsParserTest {

    private static final String ATTRIBUTES = """
            "specversion":"1.0","id":"evt-1","source":"/gateway/eu-1","type":"io.microcent.usage.v1",
            "subject":"acme","time":"2025-01-31T12:00:00Z\"""";

    private final UsageFieldsReader usageFields = new UsageFieldsReader(ProviderUsageAdapters.standard());
    private final CloudEventsParser single = CloudEventsParser.single(usageFields);
    private final CloudEventsParser batch = CloudEventsParser.batch(usageFields);

    @Test
    void theAttributesSayWhichEventItIsAndDataCarriesTheUsage() {
        ParsedEvents parsed = parse(single, "{" + ATTRIBUTES + """
                ,"datacontenttype":"application/json","data":{"project":"Search","provider":"openai","model":"gpt-4o",
                 "inputTokens":100,"outputTokens":20,"reservationId":"rsv_0123456789abcdef01234567"},
                 "traceparent":"00-abc-01"}""");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.batch()).isFalse();
        assertThat(parsed.fieldNames()).isEqualTo(EventFieldNames.CLOUDEVENTS);
        UsageEventRequest event = parsed.events().getFirst();
        assertThat(event.id().raw()).isEqualTo("evt-1");
        assertThat(event.customer().raw()).isEqualTo("acme");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2025-01-31T12:00:00Z"));
        assertThat(event.usage().project().raw()).isEqualTo("Search");
        assertThat(event.usage().model().raw()).isEqualTo("gpt-4o");
        assertThat(event.usage().tokens()).isEqualTo(new TokenCounts(100, 20, 0, 0));
        assertThat(event.usage().reservationId()).isEqualTo(ReservationId.of("rsv_0123456789abcdef01234567"));
    }

    @Test
    void aReservationOutsideDataIsAnExtensionAttributeAndIgnored() {
        ParsedEvents parsed = parse(single, "{" + ATTRIBUTES + ",\"reservationid\":\"rsv_1\",\"data\":{\"inputTokens\":1}}");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.events().getFirst().usage().reservationId()).isNull();
    }

    @Test
    void anyTypeIsAcceptedAndAnEventWithoutDataIsOneRequestWithoutTokens() {
        ParsedEvents parsed = parse(single, "{" + ATTRIBUTES.replace("io.microcent.usage.v1", "com.example.llm.call") + "}");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.events().getFirst().usage().requests()).isEqualTo(1);
        assertThat(parsed.events().getFirst().usage().tokens()).isEqualTo(TokenCounts.NONE);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            "specversion":"0.3","id":"e","source":"s","type":"t","subject":"acme","time":"2025-01-31T12:00:00Z"  | specversion     | unsupported_specversion
            "id":"e","source":"s","type":"t","subject":"acme","time":"2025-01-31T12:00:00Z"                      | specversion     | required
            "specversion":"1.0","source":"s","type":"t","subject":"acme","time":"2025-01-31T12:00:00Z"           | id              | required
            "specversion":"1.0","id":"e","type":"t","subject":"acme","time":"2025-01-31T12:00:00Z"              | source          | required
            "specversion":"1.0","id":"e","source":"s","type":"","subject":"acme","time":"2025-01-31T12:00:00Z"  | type            | required
            "specversion":"1.0","id":"e","source":"s","type":"t","time":"2025-01-31T12:00:00Z"                  | subject         | required
            "specversion":"1.0","id":"e","source":"s","type":"t","subject":"acme corp","time":"2025-01-31T12:00:00Z" | subject      | invalid_id
            "specversion":"1.0","id":"e","source":"s","type":"t","subject":"acme"                               | time            | required
            "specversion":"1.0","id":"e","source":"s","type":"t","subject":"acme","time":"yesterday"            | time            | invalid_timestamp
            "specversion":"1.0","id":"e","source":"s","type":"t","subject":"acme","time":"2025-01-31T12:00:00Z","data":"inputTokens=5" | data | wrong_type
            "specversion":"1.0","id":"e","source":"s","type":"t","subject":"acme","time":"2025-01-31T12:00:00Z","data_base64":"e30=" | data_base64 | wrong_type
            "specversion":"1.0","id":"e","source":"s","type":"t","subject":"acme","time":"2025-01-31T12:00:00Z","datacontenttype":"text/plain" | datacontenttype | wrong_type
            "specversion":"1.0","id":"e","source":"s","type":"t","subject":"acme","time":"2025-01-31T12:00:00Z","data":{"inputTokens":-1} | data.inputTokens | negative
            "specversion":"1.0","id":"e","source":"s","type":"t","subject":"acme","time":"2025-01-31T12:00:00Z","data":{"model":"gpt 4o"} | data.model | invalid_id
            "specversion":"1.0","id":"e","source":"s","type":"t","subject":"acme","time":"2025-01-31T12:00:00Z","data":{"reservationId":"rsv/1"} | data.reservationId | invalid_id
            "specversion":"1.0","id":"e","source":"s","type":"t","subject":"acme","time":"2025-01-31T12:00:00Z","data":{"reservationId":["rsv_1"]} | data.reservationId | wrong_type
            "specversion":"1.0","id":"e","source":"s","type":"t","subject":"acme","time":"2025-01-31T12:00:00Z","data":{"provider":"openai","usage":{"prompt_tokens":"9"}} | data.usage.prompt_tokens | wrong_type
            "specversion":"1.0","id":"e","source":"s","type":"t","subject":"acme","time":"2025-01-31T12:00:00Z","data":{"provider":"acme-llm","usage":{"tokens":9}} | data.provider | unsupported_provider
            """)
    void aBadAttributeOrDataFieldIsReportedByItsNameInTheCloudEvent(String fields, String field, String code) {
        ParsedEvents parsed = parse(single, "{" + fields + "}");

        assertThat(parsed.errors()).extracting(FieldError::index, FieldError::field, FieldError::code)
                .containsExactly(tuple(null, field, code));
    }

    @Test
    void aBatchIsAnArrayAndEachProblemCarriesTheEventsIndex() {
        ParsedEvents parsed = parse(batch, "[{" + ATTRIBUTES + "},{" + ATTRIBUTES.replace("evt-1", "evt-2")
                + ",\"data\":{\"inputTokens\":1.5}}, 3]");

        assertThat(parsed.batch()).isTrue();
        assertThat(parsed.events()).hasSize(3);
        assertThat(parsed.errors()).extracting(FieldError::index, FieldError::field, FieldError::code).containsExactly(
                tuple(1, "data.inputTokens", "wrong_type"),
                tuple(2, "event", "wrong_type"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            single | [{"specversion":"1.0"}]
            batch  | {"specversion":"1.0"}
            batch  | []
            """)
    void aBodyOfTheWrongShapeForItsContentTypeIsRefusedWhole(String mode, String body) {
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> parse(mode.equals("single") ? single : batch, body));

        assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(refused.toProblem().errors()).singleElement()
                .satisfies(error -> assertThat(error.field()).isEqualTo("body"));
    }

    private static ParsedEvents parse(CloudEventsParser parser, String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
