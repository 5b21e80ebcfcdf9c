package io.microcent.caps.spend;

import io.microcent.model.id.ModelId;
import io.microcent.model.price.ModelPriceHistory;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the whole price book (every instance holds all of it: a global store) for pricing the worst case
 * of a call in {@code /v1/authorize}. A tombstone removes a model.
 */
final class RecordPriceBook implements Processor<ModelId, ModelPriceHistory, Void, Void> {

    private KeyValueStore<ModelId, ModelPriceHistory> prices;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        prices = context.getStateStore(SpendTopology.PRICE_BOOK_STORE);
    }

    @Override
    public void process(Record<ModelId, ModelPriceHistory> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            prices.delete(record.key());
        } else {
            prices.put(record.key(), record.value());
        }
    }
}
