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

class BedrockUsageAdapterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # file                                               | input | output | cache read | cache write | provider's totalTokens
            bedrock_converse_cache_read.recorded-pydantic-ai.json  | 2   | 5      | 1322       | 0           | 1329
            bedrock_converse_cache_write.recorded-pydantic-ai.json | 2   | 5      | 0          | 1322        | 1329
            """)
    void inputExcludesBothCacheCountsSoEveryCountMapsOneToOne(String file, long input, long output, long cacheRead,
                                                             long cacheWrite, long providerTotal) {
        TokenCounts tokens = readPayload("bedrock", file);

        assertThat(tokens).isEqualTo(new TokenCounts(input, output, cacheRead, cacheWrite));
        assertThat(sum(tokens)).as("every token counted once").isEqualTo(providerTotal);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"inputTokens":2,"outputTokens":5,"totalTokens":999}  | 2 | 5
            {"outputTokens":5}                                     | 0 | 5
            """)
    void totalTokensIsNeverUsed(String usage, long input, long output) {
        assertThat(read("bedrock", json(usage)).tokens()).isEqualTo(new TokenCounts(input, output, 0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"inputTokens":2,"cacheWriteInputTokens":-3}       | usage.cacheWriteInputTokens | negative
            {"input_tokens":2,"output_tokens":5}               | usage                       | unrecognized_usage
            """)
    void badOrForeignUsageIsReported(String usage, String field, String code) {
        UsageReading.Result result = read("bedrock", json(usage));

        assertThat(result.errors()).extracting(FieldError::field, FieldError::code).containsExactly(tuple(field, code));
    }
}
