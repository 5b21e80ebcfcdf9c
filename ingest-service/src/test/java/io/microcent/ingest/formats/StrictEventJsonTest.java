package io.microcent.ingest.formats;

import io.microcent.ingest.providers.ProviderUsageAdapters;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.Problem;
import io.microcent.platform.http.ApiException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Event bodies are read strictly, and refusals are worded by Microcent, never by the JSON library. */
class StrictEventJsonTest {

    private final EventFormats formats = new EventFormats(ProviderUsageAdapters.standard());

    @Test
    void aRepeatedKeyRefusesTheBodyNamingTheKey() {
        Problem problem = refused(EventFormats.MICROCENT_JSON, """
                {"id":"evt-1","customer":"acme","timestamp":"2025-01-31T12:00:00Z","inputTokens":1,"inputTokens":1000}""");

        assertThat(problem.code()).isEqualTo(ErrorCode.MALFORMED_JSON.code());
        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("inputTokens");
            assertThat(error.code()).isEqualTo("duplicate_key");
        });
    }

    @Test
    void aRepeatedKeyInsideCloudEventDataIsNamedByItsPath() {
        Problem problem = refused(EventFormats.CLOUDEVENTS_BATCH, """
                [{"specversion":"1.0","id":"e","source":"s","type":"t","subject":"acme","time":"2025-01-31T12:00:00Z",
                  "data":{"usage":{"prompt_tokens":1,"prompt_tokens":2}}}]""");

        assertThat(problem.errors()).singleElement().satisfies(error ->
                assertThat(error.field()).isEqualTo("[0].data.usage.prompt_tokens"));
    }

    @Test
    void tooDeepNestingIsRefusedInOurWords() {
        Problem problem = refused(EventFormats.MICROCENT_JSON, "[".repeat(5000) + "]".repeat(5000));

        assertThat(problem.code()).isEqualTo(ErrorCode.MALFORMED_JSON.code());
        assertThat(problem.detail()).contains("deeper than").doesNotContain("StreamReadConstraints").doesNotContain("`");
    }

    @Test
    void syntaxErrorsAndTrailingGarbageSayWhereNotWhatTheParserThought() {
        for (String body : new String[]{"{\"id\": nope}", "[] trailing", "{\"id\":\"e\"", "\"just a string"}) {
            Problem problem = refused(EventFormats.MICROCENT_JSON, body);
            assertThat(problem.code()).as(body).isEqualTo(ErrorCode.MALFORMED_JSON.code());
            assertThat(problem.detail()).as(body).contains("line 1, column")
                    .doesNotContain("JsonNode").doesNotContain("com.fasterxml").doesNotContain("`").doesNotContain("token");
        }
    }

    private Problem refused(String contentType, String body) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> formats.forContentType(contentType).parse(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(e).as(body).isNotNull();
        return e.toProblem();
    }
}
