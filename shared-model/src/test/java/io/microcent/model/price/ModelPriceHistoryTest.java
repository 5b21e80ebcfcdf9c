package io.microcent.model.price;

import io.microcent.model.id.ModelId;
import io.microcent.model.money.Rate;
import io.microcent.model.topic.Topics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelPriceHistoryTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant NOV_15 = Instant.parse("2026-11-15T00:00:00Z");
    private static final ModelId GPT_4O = ModelId.of("gpt-4o");

    private static ModelPrice input(Instant from, String dollarsPerToken) {
        return new ModelPrice(from, "openai", new TokenRates(Rate.ofDollars(dollarsPerToken), null, null, null), null);
    }

    @Test
    void thePriceInEffectIsTheLatestOneEffectiveAtOrBeforeTheInstant() {
        ModelPriceHistory history = new ModelPriceHistory(GPT_4O, List.of(input(NOV_15, "0.000002"), input(NOV_1, "0.0000025")));

        assertThat(history.prices()).extracting(ModelPrice::effectiveFrom).containsExactly(NOV_1, NOV_15);
        assertThat(history.priceAt(NOV_1.minusMillis(1))).isEmpty();
        assertThat(history.priceAt(NOV_1)).map(p -> p.rates().input()).contains(Rate.ofMicrocents("2.5"));
        assertThat(history.priceAt(NOV_15.minusMillis(1))).map(p -> p.rates().input()).contains(Rate.ofMicrocents("2.5"));
        assertThat(history.priceAt(NOV_15)).map(p -> p.rates().input()).contains(Rate.ofMicrocents("2"));
    }

    @Test
    void twoPricesTakingEffectAtTheSameInstantAreRefused() {
        assertThatThrownBy(() -> new ModelPriceHistory(GPT_4O, List.of(input(NOV_1, "1"), input(NOV_1, "2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gpt-4o");
    }

    @Test
    void aHistoryTravelsOnThePriceBookTopicWithExactRatesAndThePlainModelKey() {
        TokenRates base = new TokenRates(Rate.ofDollars("3e-06"), Rate.ofDollars("1.5e-05"), Rate.ofDollars("3e-07"), null);
        TokenRates longer = new TokenRates(Rate.ofDollars("6e-06"), Rate.ofDollars("2.25e-05"), null, null);
        ModelPriceHistory history = new ModelPriceHistory(ModelId.of("claude-sonnet-4-5"), List.of(
                new ModelPrice(NOV_1, "anthropic", base, new LongContextTier(LongContextTier.ABOVE_200K, longer))));

        byte[] key = Topics.PRICE_BOOK.keySerde().serializer().serialize("price.book", history.model());
        byte[] value = Topics.PRICE_BOOK.valueSerde().serializer().serialize("price.book", history);

        assertThat(new String(key, StandardCharsets.UTF_8)).isEqualTo("claude-sonnet-4-5");
        assertThat(new String(value, StandardCharsets.UTF_8)).contains("\"input\":\"3\"", "\"cacheRead\":\"0.3\"", "\"output\":\"22.5\"")
                .doesNotContain("cacheWrite", "empty");
        assertThat(Topics.PRICE_BOOK.valueSerde().deserializer().deserialize("price.book", value)).isEqualTo(history);
        assertThat(Topics.PRICE_BOOK.retention()).isEqualTo(io.microcent.model.topic.Topic.Retention.COMPACTED);
    }
}
