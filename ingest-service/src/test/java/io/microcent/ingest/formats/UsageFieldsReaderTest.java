package io.microcent.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.ingest.events.FieldReader;
import io.microcent.ingest.events.TokenCounts;
import io.microcent.ingest.events.UsageDetails;
import io.microcent.ingest.providers.ProviderUsageAdapters;
import io.microcent.model.error.FieldError;
import io.microcent.model.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class UsageFieldsReaderTest {

    private final UsageFieldsReader reader = new UsageFieldsReader(ProviderUsageAdapters.standard());
    private final List<FieldError> errors = new ArrayList<>();

    @Test
    void aProviderUsageObjectTakesThePlaceOfTheTokenFieldsAndKeepsTheScopeFields() {
        UsageDetails usage = read("""
                {"provider":"anthropic","model":"claude-sonnet-4-5","project":"Search","requests":2,
                 "usage":{"input_tokens":3,"cache_creation_input_tokens":418,"cache_read_input_tokens":1111,"output_tokens":33}}""");

        assertThat(errors).isEmpty();
        assertThat(usage.tokens()).isEqualTo(new TokenCounts(3, 33, 1111, 418));
        assertThat(usage.provider()).isEqualTo("anthropic");
        assertThat(usage.model().raw()).isEqualTo("claude-sonnet-4-5");
        assertThat(usage.project().raw()).isEqualTo("Search");
        assertThat(usage.requests()).isEqualTo(2);
    }

    @Test
    void theProvidersWholeResponseCountsTheSameAsItsUsageObject() {
        UsageDetails whole = read("""
                {"provider":"openai","usage":{"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4o",
                 "usage":{"prompt_tokens":4020,"completion_tokens":4,"prompt_tokens_details":{"cached_tokens":4012}}}}""");
        UsageDetails usageOnly = read("""
                {"provider":"openai","usage":{"prompt_tokens":4020,"completion_tokens":4,"prompt_tokens_details":{"cached_tokens":4012}}}""");

        assertThat(errors).isEmpty();
        assertThat(whole.tokens()).isEqualTo(usageOnly.tokens()).isEqualTo(new TokenCounts(8, 4, 4012, 0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"provider":"openai","inputTokens":5,"usage":{"prompt_tokens":5}}        | usage    | ambiguous_usage
            {"provider":"openai","cacheReadTokens":0,"usage":{"prompt_tokens":5}}    | usage    | ambiguous_usage
            {"provider":"mistral","usage":{"prompt_tokens":5}}                       | provider | unsupported_provider
            {"usage":{"prompt_tokens":5}}                                            | provider | required
            {"provider":"has space","usage":{"prompt_tokens":5}}                     | provider | invalid_id
            {"provider":"openai","usage":[5]}                                        | usage    | wrong_type
            {"provider":"anthropic","usage":{"promptTokenCount":5}}                  | usage    | unrecognized_usage
            """)
    void aUsageObjectThatCannotBeReadIsReportedOnce(String object, String field, String code) {
        UsageDetails usage = read(object);

        assertThat(errors).extracting(FieldError::field, FieldError::code).containsExactly(tuple(field, code));
        assertThat(usage.tokens()).isEqualTo(TokenCounts.NONE);
    }

    @Test
    void aNullUsageIsNoUsageObject() {
        UsageDetails usage = read("""
                {"provider":"mistral","inputTokens":5,"usage":null}""");

        assertThat(errors).isEmpty();
        assertThat(usage.tokens()).isEqualTo(new TokenCounts(5, 0, 0, 0));
    }

    @Test
    void providerIsFreeTextWithoutAUsageObject() {
        UsageDetails usage = read("""
                {"provider":"mistral","inputTokens":5,"outputTokens":6}""");

        assertThat(errors).isEmpty();
        assertThat(usage.provider()).isEqualTo("mistral");
    }

    private UsageDetails read(String json) {
        try {
            JsonNode object = Json.mapper().readTree(json);
            return reader.read(object, new FieldReader(null, errors));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
