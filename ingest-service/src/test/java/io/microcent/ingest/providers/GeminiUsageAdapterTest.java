package io.microcent.ingest.providers;

import io.microcent.ingest.events.TokenCounts;
import io.microcent.model.error.FieldError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.microcent.ingest.providers.UsageReading.json;
import static io.microcent.ingest.providers.UsageReading.read;
import static io.microcent.ingest.providers.UsageReading.readPayload;
import static io.microcent.ingest.providers.UsageReading.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class GeminiUsageAdapterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # file                                                               | input | output | cache read | cache write | provider's totalTokenCount
            gemini_generateContent_cached_and_thinking.recorded-pydantic-ai.json | 154   | 104    | 191        | 0           | 449
            gemini_generateContent_context-cache.cookbook-Caching_REST.json     | 5     | 397    | 323383     | 0           | 323785
            gemini_generateContent_thinking.cookbook-Batch_mode.json            | 8     | 840    | 0          | 0           | 848
            """)
    void cachedContentLeavesInputAndThoughtsAreAddedToOutput(String file, long input, long output, long cacheRead,
                                                            long cacheWrite, long providerTotal) {
        TokenCounts tokens = readPayload("gemini", file);

        assertThat(tokens).isEqualTo(new TokenCounts(input, output, cacheRead, cacheWrite));
        assertThat(sum(tokens)).as("every token counted once").isEqualTo(providerTotal);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gemini", "google", "Google"})
    void geminiUsageIsReadUnderEitherNameInAnyCase(String provider) {
        UsageReading.Result result = read(provider, json("""
                {"promptTokenCount":100,"cachedContentTokenCount":60,"candidatesTokenCount":10,"thoughtsTokenCount":5}"""));

        assertThat(result.tokens()).isEqualTo(new TokenCounts(40, 15, 60, 0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"promptTokenCount":100,"toolUsePromptTokenCount":30,"candidatesTokenCount":10,"totalTokenCount":140} | 130 | 10 | 0  | 140
            {"promptTokenCount":100,"cachedContentTokenCount":100,"toolUsePromptTokenCount":7,"candidatesTokenCount":1,"totalTokenCount":108} | 7 | 1 | 100 | 108
            """)
    void toolUsePromptsAreInputOutsideThePromptCount(String usage, long input, long output, long cacheRead, long providerTotal) {
        UsageReading.Result result = read("gemini", json(usage));

        assertThat(result.tokens()).isEqualTo(new TokenCounts(input, output, cacheRead, 0));
        assertThat(sum(result.tokens())).isEqualTo(providerTotal);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"promptTokenCount":10,"cachedContentTokenCount":11}                          | usage.promptTokenCount   | inconsistent_usage
            {"promptTokenCount":1,"candidatesTokenCount":100000000,"thoughtsTokenCount":1}  | usage                    | too_large
            {"usageMetadata":{"promptTokenCount":"10"}}                                   | usage.usageMetadata.promptTokenCount | wrong_type
            {"prompt_tokens":10,"completion_tokens":2}                                    | usage                    | unrecognized_usage
            """)
    void badOrForeignUsageIsReportedWhereItIs(String usage, String field, String code) {
        UsageReading.Result result = read("gemini", json(usage));

        assertThat(result.errors()).extracting(FieldError::field, FieldError::code).containsExactly(tuple(field, code));
        assertThat(result.tokens()).isEqualTo(TokenCounts.NONE);
    }
}
