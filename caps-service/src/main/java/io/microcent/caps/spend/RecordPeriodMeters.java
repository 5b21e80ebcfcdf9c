package io.microcent.caps.spend;

import io.microcent.model.caps.SpendState;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.RatedUsage;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts each rated usage in its customer's {@link PeriodMeters} of its billing period (a correction carries
 * no quantities, so it changes nothing but the plan).
 */
final class RecordPeriodMeters implements Processor<CustomerId, RatedUsage, Void, Void> {

    private KeyValueStore<String, PeriodMeters> meters;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        meters = context.getStateStore(SpendTopology.METERS_STORE);
    }

    @Override
    public void process(Record<CustomerId, RatedUsage> record) {
        RatedUsage usage = record.value();
        if (usage == null) {
            return; // logged by the spend recorder
        }
        String key = SpendState.keyOf(usage.event().customer(), usage.period());
        meters.put(key, PeriodMeters.orNone(meters.get(key)).plus(usage));
    }
}
