package io.microcent.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.ingest.events.FieldReader;
import io.microcent.ingest.events.TokenCounts;
import io.microcent.ingest.events.UsageDetails;
import io.microcent.ingest.providers.ProviderUsageAdapters;
import io.microcent.model.error.FieldError;
import io.microcent.model.json.Json;
import io.microcent.model.usage.Tag;
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

    @Test
    void tagsAreKeptEachOnceAndSortedAndAbsentOrNullTagsAreNone() {
        UsageDetails tagged = read("""
                {"tags":["feature:chat","env:prod","feature:chat","url:https://x.io:8080"]}""");
        UsageDetails absent = read("{}");
        UsageDetails none = read("""
                {"tags":null}""");
        UsageDetails withUsageObject = read("""
                {"provider":"openai","tags":["env:prod"],"usage":{"prompt_tokens":5,"completion_tokens":1}}""");

        assertThat(errors).isEmpty();
        assertThat(tagged.tags()).extracting(Tag::raw).containsExactly("env:prod", "feature:chat", "url:https://x.io:8080");
        assertThat(absent.tags()).isEmpty();
        assertThat(none.tags()).isEmpty();
        assertThat(withUsageObject.tags()).extracting(Tag::raw).containsExactly("env:prod");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"tags":"env:prod"}                                                         | tags    | wrong_type
            {"tags":{"env":"prod"}}                                                     | tags    | wrong_type
            {"tags":[7]}                                                                | tags[0] | wrong_type
            {"tags":["env:prod",null]}                                                  | tags[1] | wrong_type
            {"tags":["prod"]}                                                           | tags[0] | invalid_tag
            {"tags":["env:prod","Env:prod"]}                                            | tags[1] | invalid_tag
            {"tags":["-env:prod"]}                                                      | tags[0] | invalid_tag
            {"tags":["env:"]}                                                           | tags[0] | invalid_tag
            {"tags":[":prod"]}                                                          | tags[0] | invalid_tag
            {"tags":["env:a\\u0000b"]}                                                  | tags[0] | invalid_tag
            {"tags":["env:\\u202Eevil"]}                                                | tags[0] | invalid_tag
            {"tags":["env:\\ud800"]}                                                    | tags[0] | invalid_tag
            {"tags":["kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk:v"]}                    | tags[0] | invalid_tag
            {"tags":["a:1","b:1","c:1","d:1","e:1","f:1","g:1","h:1","i:1","j:1","k:1"]} | tags    | too_many_tags
            """)
    void aMalformedTagIsReportedAtItsPositionWithTheCodeOfItsRule(String object, String field, String code) {
        UsageDetails usage = read(object);

        assertThat(errors).extracting(FieldError::field, FieldError::code).containsExactly(tuple(field, code));
        assertThat(usage.tags()).as("a refused tag is not kept").allMatch(tag -> tag.raw().equals("env:prod"));
    }

    @Test
    void tenDistinctTagsAreAllowedDuplicatesNotCounted() {
        UsageDetails usage = read("""
                {"tags":["a:1","b:1","c:1","d:1","e:1","f:1","g:1","h:1","i:1","j:1","j:1","a:1"]}""");

        assertThat(errors).isEmpty();
        assertThat(usage.tags()).hasSize(Tag.MAX_PER_EVENT);
    }

    @Test
    void aValueOfTheLongestLengthIsAllowedAndOneLongerIsNot() {
        read("{\"tags\":[\"k:" + "v".repeat(Tag.MAX_VALUE_LENGTH) + "\"]}");
        assertThat(errors).isEmpty();
        read("{\"tags\":[\"k:" + "v".repeat(Tag.MAX_VALUE_LENGTH + 1) + "\"]}");
        assertThat(errors).extracting(FieldError::field, FieldError::code).containsExactly(tuple("tags[0]", "invalid_tag"));
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
