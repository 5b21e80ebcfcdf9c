package io.microcent.ingest.providers;

import io.microcent.ingest.events.TokenCounts;
import io.microcent.model.error.FieldError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.microcent.ingest.providers.UsageReading.json;
import static io.microcent.ingest.providers.UsageReading.read;
import static io.microcent.ingest.providers.UsageReading.readPayload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class AnthropicUsageAdapterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # file                                                             | input | output | cache read | cache write
            anthropic_messages_cache_write_and_read.recorded-pydantic-ai.json  | 3     | 33     | 1111       | 418
            """)
    void inputAlreadyExcludesBothCacheBucketsSoEveryCountMapsOneToOne(String file, long input, long output,
                                                                      long cacheRead, long cacheWrite) {
        assertThat(readPayload("anthropic", file)).isEqualTo(new TokenCounts(input, output, cacheRead, cacheWrite));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"input_tokens":10,"output_tokens":5}                              | 10 | 5 | 0 | 0
            {"input_tokens":10,"output_tokens":5,"cache_read_input_tokens":null} | 10 | 5 | 0 | 0
            {"output_tokens":7,"cache_creation_input_tokens":2048}             | 0  | 7 | 0 | 2048
            """)
    void absentOrNullCountsAreZero(String usage, long input, long output, long cacheRead, long cacheWrite) {
        UsageReading.Result result = read("anthropic", json(usage));

        assertThat(result.errors()).isEmpty();
        assertThat(result.tokens()).isEqualTo(new TokenCounts(input, output, cacheRead, cacheWrite));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"input_tokens":3,"output_tokens":-1}                 | usage.output_tokens           | negative
            {"input_tokens":3,"cache_read_input_tokens":"1111"}   | usage.cache_read_input_tokens | wrong_type
            {"promptTokenCount":3,"candidatesTokenCount":1}       | usage                         | unrecognized_usage
            """)
    void badOrForeignUsageIsReported(String usage, String field, String code) {
        UsageReading.Result result = read("anthropic", json(usage));

        assertThat(result.errors()).extracting(FieldError::field, FieldError::code).containsExactly(tuple(field, code));
    }
}
