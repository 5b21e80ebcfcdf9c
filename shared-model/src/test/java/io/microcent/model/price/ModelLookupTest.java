package io.microcent.model.price;

import io.microcent.model.id.ModelId;
import io.microcent.model.money.Rate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ModelLookupTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant DEC_1 = Instant.parse("2026-12-01T00:00:00Z");

    /** A book with these keys, each priced from November 1st at its own input rate (its position + 1 µ¢). */
    private static PriceHistories book(String... keys) {
        return PriceHistories.of(Stream.of(keys).collect(Collectors.toMap(ModelId::of,
                key -> history(key, NOV_1, String.valueOf(List.of(keys).indexOf(key) + 1)))));
    }

    private static ModelPriceHistory history(String key, Instant from, String inputMicrocents) {
        return new ModelPriceHistory(ModelId.of(key), List.of(
                new ModelPrice(from, null, new TokenRates(Rate.ofMicrocents(inputMicrocents), null, null, null), null)));
    }

    private static String matched(PriceHistories book, String provider, String model) {
        return ModelLookup.priceAt(book, provider, ModelId.of(model), DEC_1)
                .map(price -> price.rates().input().toJson()).orElse("unpriced");
    }

    @ParameterizedTest(name = "provider {1}, model {2} → key #{3}")
    @CsvSource(nullValues = "none", textBlock = """
            # keys in the book                                  | provider   | model                                              | matched key (1-based), or unpriced
            gpt-4o,                                              openai,      gpt-4o,                                              1
            gpt-4o,                                              none,        gpt-4o,                                              1
            gpt-4o;azure/gpt-4o,                                 azure,       gpt-4o,                                              2
            gpt-4o;azure/gpt-4o,                                 openai,      gpt-4o,                                              1
            gpt-4o;azure/gpt-4o,                                 none,        azure/gpt-4o,                                        2
            gpt-4o,                                              Azure,       azure/gpt-4o,                                        1
            gpt-4o,                                              openrouter,  openai/gpt-4o,                                       1
            gpt-4o,                                              none,        GPT-4o,                                              1
            claude-sonnet-4-5-20250929-v1:0,                     bedrock,     us.anthropic.claude-sonnet-4-5-20250929-v1:0,        1
            claude-sonnet-4-5-20250929,                          bedrock,     anthropic.claude-sonnet-4-5-20250929-v1:0,           1
            anthropic.claude-3-haiku-20240307-v1:0;claude-3-haiku-20240307, bedrock, eu.anthropic.claude-3-haiku-20240307-v1:0,   1
            gpt-4o,                                              openai,      gpt-4o-2024-08-06,                                   unpriced
            claude-sonnet-4-5-20250929,                          anthropic,   claude-sonnet-4-5,                                   unpriced
            """, delimiter = ',')
    void theMostExactKeyTheBookHoldsPricesTheEvent(String keys, String provider, String model, String expected) {
        PriceHistories book = book(keys.split(";"));

        assertThat(matched(book, provider, model)).isEqualTo(expected);
    }

    @Test
    void aProviderKeyNotYetInEffectFallsBackToTheNextCandidateInEffect() {
        PriceHistories book = PriceHistories.of(Map.of(
                ModelId.of("azure/gpt-4o"), history("azure/gpt-4o", DEC_1.plusSeconds(1), "9"),
                ModelId.of("gpt-4o"), history("gpt-4o", NOV_1, "2.5")));

        assertThat(matched(book, "azure", "gpt-4o")).isEqualTo("2.5");
    }

    @Test
    void candidatesAreTriedMostExactFirstWithoutRepeats() {
        assertThat(ModelLookup.candidates("bedrock", ModelId.of("us.anthropic.claude-sonnet-4-5-20250929-v1:0")))
                .extracting(ModelId::raw).containsExactly(
                        "bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0",
                        "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
                        "anthropic.claude-sonnet-4-5-20250929-v1:0",
                        "claude-sonnet-4-5-20250929-v1:0",
                        "claude-sonnet-4-5-20250929");
        assertThat(ModelLookup.candidates("my provider", ModelId.of("gpt-4o"))).extracting(ModelId::raw)
                .as("a provider no key can contain is not tried").containsExactly("gpt-4o");
    }
}
