package io.microcent.rating.dedup;

import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.RatedUsage;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Records the id of each rated event in {@link RatedEventIds} on its way to {@code usage.rated}. Only
 * rated events are remembered: an event that was dead-lettered (say, its customer had no plan yet) is
 * rated when it is sent again.
 */
public final class RememberRatedEvents implements FixedKeyProcessor<CustomerId, RatedUsage, RatedUsage> {

    private FixedKeyProcessorContext<CustomerId, RatedUsage> context;
    private WindowStore<String, Long> ratedIds;

    @Override
    public void init(FixedKeyProcessorContext<CustomerId, RatedUsage> context) {
        this.context = context;
        this.ratedIds = context.getStateStore(RatedEventIds.STORE);
    }

    @Override
    public void process(FixedKeyRecord<CustomerId, RatedUsage> record) {
        RatedEventIds.add(ratedIds, record.value().event());
        context.forward(record);
    }
}
