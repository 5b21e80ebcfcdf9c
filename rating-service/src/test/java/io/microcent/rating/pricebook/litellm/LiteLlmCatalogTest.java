package io.microcent.rating.pricebook.litellm;

import io.microcent.model.id.ModelId;
import io.microcent.model.money.Rate;
import io.microcent.model.price.LongContextTier;
import io.microcent.model.price.TokenRates;
import io.microcent.rating.pricebook.RealCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The importer on the real LiteLLM catalog in test resources (pricebook/litellm-model-prices.json). */
class LiteLlmCatalogTest {

    private static ParsedCatalog catalog;
    private static Map<String, CatalogModel> models;

    @BeforeAll
    static void readTheRealCatalog() {
        catalog = LiteLlmCatalog.parse(RealCatalog.bytes());
        models = catalog.models().stream().collect(Collectors.toMap(m -> m.key().raw(), Function.identity()));
    }

    @ParameterizedTest(name = "{0} {1} = {2} µ¢ per token")
    @CsvSource(nullValues = "none", textBlock = """
            gpt-4o,                          input,       2.5
            gpt-4o,                          output,      10
            gpt-4o,                          cache read,  1.25
            gpt-4o,                          cache write, none
            gpt-4o-mini,                     input,       0.15
            gpt-5-nano,                      input,       0.05
            o1-pro,                          output,      600
            claude-sonnet-4-5,               input,       3
            claude-sonnet-4-5,               output,      15
            claude-sonnet-4-5,               cache read,  0.3
            claude-sonnet-4-5,               cache write, 3.75
            claude-3-haiku-20240307,         input,       0.25
            claude-sonnet-4-5-20250929-v1:0, cache write, 3.75
            gemini-2.5-pro,                  cache read,  0.125
            gemini-2.5-pro,                  cache write, none
            deepseek-v4-pro,                 input,       0.435
            """)
    void perTokenPricesBecomeExactMicrocents(String model, String type, String microcents) {
        TokenRates rates = models.get(model).rates();

        Rate rate = switch (type) {
            case "input" -> rates.input();
            case "output" -> rates.output();
            case "cache read" -> rates.cacheRead();
            case "cache write" -> rates.cacheWrite();
            default -> throw new IllegalArgumentException(type);
        };

        if (microcents == null) {
            assertThat(rate).isNull();
        } else {
            assertThat(rate.microcentsPerUnit()).isEqualByComparingTo(microcents);
        }
    }

    @Test
    void gpt4oInputIsExactlyTwoAndAHalfMicrocentsNotTheNearestDouble() {
        Rate input = models.get("gpt-4o").rates().input();

        assertThat(input.microcentsPerUnit()).isEqualTo(new BigDecimal("2.5"));
        assertThat(input.exactCostOf(1_000_000)).isEqualByComparingTo("2500000");
        assertThat(models.get("gpt-4o").provider()).isEqualTo("openai");
        assertThat(models.get("gpt-4o").longContext()).isNull();
    }

    @Test
    void aClaudeModelAbove200kTokensHasItsLongContextPricesForEveryTokenType() {
        LongContextTier tier = models.get("claude-sonnet-4-5").longContext();

        assertThat(tier.aboveInputTokens()).isEqualTo(200_000);
        assertThat(tier.rates()).isEqualTo(new TokenRates(Rate.ofMicrocents("6"), Rate.ofMicrocents("22.5"),
                Rate.ofMicrocents("0.6"), Rate.ofMicrocents("7.5")));
    }

    @Test
    void aGeminiModelAbove200kTokensHasLongContextPricesEvenWhereItsNormalPricesHaveNone() {
        CatalogModel gemini = models.get("gemini-2.5-pro");

        assertThat(gemini.longContext().rates()).isEqualTo(new TokenRates(Rate.ofMicrocents("2.5"), Rate.ofMicrocents("15"),
                Rate.ofMicrocents("0.25"), Rate.ofMicrocents("0.25")));
        assertThat(gemini.rates().cacheWrite()).isNull();
        assertThat(gemini.provider()).isEqualTo("vertex_ai-language-models");
    }

    @Test
    void everyEntryPricedPerTokenIsImportedAndTheOneThatIsNotIsSkippedWithItsReason() {
        assertThat(catalog.models()).hasSize(217);
        assertThat(catalog.skipped()).containsExactly(new SkippedEntry("gpt-realtime-whisper", "no per-token price"));
        assertThat(models.get("claude-sonnet-4-5-20250929-v1:0").provider()).isEqualTo("bedrock");
    }

    @Test
    void digitsBeyondWhatADoubleHoldsAreKept() {
        ParsedCatalog parsed = parse("""
                {"precise": {"input_cost_per_token": 1.23456789012345678901e-06, "output_cost_per_token": "0.000002"}}""");

        TokenRates rates = parsed.models().getFirst().rates();

        assertThat(rates.input().microcentsPerUnit()).isEqualTo(new BigDecimal("1.23456789012345678901"));
        assertThat(rates.output().microcentsPerUnit()).isEqualByComparingTo("2");
    }

    @Test
    void sampleSpecEntriesWithoutPricesBadPricesAndBadKeysAreSkippedTheRestImported() {
        ParsedCatalog parsed = parse("""
                {
                  "sample_spec": {"input_cost_per_token": 0, "litellm_provider": "one of litellm's providers"},
                  "azure/gpt-4o": {"input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05},
                  "dall-e-3": {"output_cost_per_image": 0.04},
                  "negative": {"input_cost_per_token": -1e-06},
                  "words": {"input_cost_per_token": "cheap"},
                  "typo": {"input_cost_per_token": 1e-40},
                  "has space": {"input_cost_per_token": 1e-06},
                  "a-list": [1, 2],
                  "free-embedding": {"input_cost_per_token": 0, "output_cost_per_token": null}
                }""");

        assertThat(parsed.models()).extracting(m -> m.key().raw()).containsExactly("azure/gpt-4o", "free-embedding");
        assertThat(parsed.models().getFirst().provider()).as("from the key's prefix").isEqualTo("azure");
        assertThat(parsed.models().get(1).rates()).isEqualTo(new TokenRates(Rate.ZERO, null, null, null));
        assertThat(parsed.skipped()).extracting(SkippedEntry::key, SkippedEntry::reason).containsExactly(
                tuple("sample_spec", "documents the format, not a model"),
                tuple("dall-e-3", "no per-token price"),
                tuple("negative", "input_cost_per_token cannot be negative"),
                tuple("words", "input_cost_per_token is not a number"),
                tuple("typo", "input_cost_per_token has more than 30 decimal places"),
                tuple("has space", "not a valid model id: must not contain whitespace (U+0020 at position 3)"),
                tuple("a-list", "not an object"));
        assertThat(ModelId.of("azure/gpt-4o")).isEqualTo(parsed.models().getFirst().key());
    }

    @Test
    void aBodyThatIsNotJsonOrNotAnObjectIsRefusedAsAWhole() {
        assertThatThrownBy(() -> parse("{\"gpt-4o\": "))
                .isInstanceOfSatisfying(InvalidCatalogException.class, e -> assertThat(e.syntax()).isTrue());
        assertThatThrownBy(() -> parse("[{\"input_cost_per_token\": 1}]"))
                .isInstanceOfSatisfying(InvalidCatalogException.class, e -> assertThat(e.syntax()).isFalse());
    }

    private static ParsedCatalog parse(String json) {
        return LiteLlmCatalog.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
