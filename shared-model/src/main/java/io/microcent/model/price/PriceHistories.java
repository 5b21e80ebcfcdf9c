package io.microcent.model.price;

import io.microcent.model.id.ModelId;

import java.util.Map;
import java.util.Optional;

/**
 * Price histories by price book key, wherever they are held (rating's and caps' stores, a map in tests).
 * {@link ModelLookup} decides which keys to try for a call.
 */
@FunctionalInterface
public interface PriceHistories {

    /** The history stored under exactly this key. */
    Optional<ModelPriceHistory> history(ModelId key);

    static PriceHistories of(Map<ModelId, ModelPriceHistory> histories) {
        Map<ModelId, ModelPriceHistory> copy = Map.copyOf(histories);
        return key -> Optional.ofNullable(copy.get(key));
    }
}
