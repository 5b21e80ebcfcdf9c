package io.microcent.ingest.formats;

import io.microcent.ingest.providers.ProviderUsageAdapters;
import io.microcent.model.error.ErrorCode;
import io.microcent.platform.http.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EventFormatsTest {

    private final EventFormats formats = new EventFormats(ProviderUsageAdapters.standard());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            application/json                                  | microcent json
            application/json; charset=utf-8                   | microcent json
            Application/JSON                                  | microcent json
            application/cloudevents+json                      | one cloudevent
            application/cloudevents+json; charset=UTF-8       | one cloudevent
            application/cloudevents-batch+json                | cloudevents batch
            """)
    void theContentTypeChoosesTheFormat(String contentType, String format) {
        EventsParser parser = formats.forContentType(contentType);

        assertThat(describe(parser)).isEqualTo(format);
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    void withoutAContentTypeTheBodyIsMicrocentJson(String contentType) {
        assertThat(describe(formats.forContentType(contentType))).isEqualTo("microcent json");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml", "application/cloudevents"})
    void anyOtherContentTypeIsUnsupported(String contentType) {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> formats.forContentType(contentType));

        assertThat(refused.code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(refused.code().status()).isEqualTo(415);
        assertThat(refused.getMessage()).contains(contentType, "application/cloudevents-batch+json");
    }

    /** Tells the formats apart by what each accepts: a plain event, one CloudEvent, or an array of CloudEvents. */
    private static String describe(EventsParser parser) {
        if (parser instanceof JsonEventsParser) {
            return "microcent json";
        }
        String cloudEvent = """
                {"specversion":"1.0","id":"e","source":"s","type":"t","subject":"acme","time":"2025-01-31T12:00:00Z"}""";
        boolean batch = catchThrowableOfType(ApiException.class,
                () -> parser.parse(cloudEvent.getBytes(StandardCharsets.UTF_8))) != null;
        return batch ? "cloudevents batch" : "one cloudevent";
    }
}
