package io.microcent.model.price;

import io.microcent.model.id.ModelId;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every price a model has had and will have, oldest first: the value of the compacted
 * {@code price.book} topic, keyed by the model's price book key. The whole history travels in one
 * record so that rating can price an event of any time with the price in effect then.
 */
public record ModelPriceHistory(ModelId model, List<ModelPrice> prices) {

    public ModelPriceHistory {
        Objects.requireNonNull(model, "model");
        prices = prices.stream().sorted(Comparator.comparing(ModelPrice::effectiveFrom)).toList();
        for (int i = 1; i < prices.size(); i++) {
            if (prices.get(i).effectiveFrom().equals(prices.get(i - 1).effectiveFrom())) {
                throw new IllegalArgumentException("two prices of " + model + " take effect at " + prices.get(i).effectiveFrom());
            }
        }
    }

    /** The price in effect at {@code instant}: the latest one effective at or before it; none before the first. */
    public Optional<ModelPrice> priceAt(Instant instant) {
        ModelPrice inEffect = null;
        for (ModelPrice price : prices) {
            if (price.effectiveFrom().isAfter(instant)) {
                break;
            }
            inEffect = price;
        }
        return Optional.ofNullable(inEffect);
    }
}
