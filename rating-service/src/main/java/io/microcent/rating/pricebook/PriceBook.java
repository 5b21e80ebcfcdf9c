package io.microcent.rating.pricebook;

import io.microcent.model.id.ModelId;
import io.microcent.model.price.ModelLookup;
import io.microcent.model.price.ModelPriceHistory;
import io.microcent.model.price.PriceHistories;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.util.Map;
import java.util.Optional;

/** The price histories by price book key, wherever they are held (the rating topology's global store, a map in tests). */
@FunctionalInterface
public interface PriceBook extends PriceHistories {

    /** A book with no prices: every event naming a model is unpriced. */
    PriceBook EMPTY = key -> Optional.empty();

    /** The history stored under exactly this key; {@link ModelLookup} decides which keys to try for an event. */
    @Override
    Optional<ModelPriceHistory> history(ModelId key);

    static PriceBook of(Map<ModelId, ModelPriceHistory> histories) {
        Map<ModelId, ModelPriceHistory> copy = Map.copyOf(histories);
        return key -> Optional.ofNullable(copy.get(key));
    }

    /** The book as the rating topology holds it: the global table materialized from {@code price.book}. */
    static PriceBook of(ReadOnlyKeyValueStore<ModelId, ValueAndTimestamp<ModelPriceHistory>> table) {
        return key -> Optional.ofNullable(table.get(key)).map(ValueAndTimestamp::value);
    }

    /** The global table {@code storeName} as a processor sees it. */
    static PriceBook inStore(ProcessingContext context, String storeName) {
        TimestampedKeyValueStore<ModelId, ModelPriceHistory> table = context.getStateStore(storeName);
        return of(table);
    }
}
