package io.microcent.ingest.providers;

import io.microcent.ingest.events.TokenCounts;
import io.microcent.model.error.FieldError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.microcent.ingest.providers.UsageReading.json;
import static io.microcent.ingest.providers.UsageReading.read;
import static io.microcent.ingest.providers.UsageReading.readPayload;
import static io.microcent.ingest.providers.UsageReading.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class OpenAiUsageAdapterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # file                                                       | input | output | cache read | cache write | provider's total_tokens
            openai_chat_completion.openapi-example-default.json          | 19    | 10     | 0          | 0           | 29
            openai_chat_completion_cached.recorded-pydantic-ai.json      | 8     | 4      | 4012       | 0           | 4024
            openai_chat_completion_cache_write.recorded-pydantic-ai.json | 8     | 4      | 0          | 4012        | 4024
            openai_responses.openapi-example-reasoning.json              | 81    | 1035   | 0          | 0           | 1116
            openai_responses_cached_reasoning.recorded-pydantic-ai.json  | 213   | 125    | 1280       | 0           | 1618
            """)
    void cachedTokensLeaveInputAndReasoningStaysInOutput(String file, long input, long output, long cacheRead,
                                                          long cacheWrite, long providerTotal) {
        TokenCounts tokens = readPayload("openai", file);

        assertThat(tokens).isEqualTo(new TokenCounts(input, output, cacheRead, cacheWrite));
        assertThat(sum(tokens)).as("every token counted once").isEqualTo(providerTotal);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"prompt_tokens":100,"prompt_tokens_details":{"cached_tokens":101}}  | usage.prompt_tokens                        | inconsistent_usage
            {"input_tokens":10,"input_tokens_details":{"cached_tokens":6,"cache_write_tokens":6}} | usage.input_tokens  | inconsistent_usage
            {"prompt_tokens":-1,"completion_tokens":2}                          | usage.prompt_tokens                        | negative
            {"prompt_tokens":"12","completion_tokens":2}                        | usage.prompt_tokens                        | wrong_type
            {"prompt_tokens":12,"prompt_tokens_details":7}                      | usage.prompt_tokens_details                | wrong_type
            {"input_tokens":12,"input_tokens_details":{"cached_tokens":1.5}}    | usage.input_tokens_details.cached_tokens   | wrong_type
            {"input_tokens":3,"output_tokens":33,"cache_read_input_tokens":1111} | -                                         | -
            """)
    void contradictoryOrMistypedCountsAreReportedWhereTheyAre(String usage, String field, String code) {
        UsageReading.Result result = read("openai", json(usage));

        if (field.equals("-")) {
            // an Anthropic usage object has input_tokens/output_tokens too: read as Responses usage, it is not refused
            assertThat(result.errors()).isEmpty();
        } else {
            assertThat(result.errors()).extracting(FieldError::field, FieldError::code).containsExactly(tuple(field, code));
            assertThat(result.tokens()).isEqualTo(TokenCounts.NONE);
        }
    }
}
