package io.microcent.caps.spend;

import io.microcent.model.caps.SpendState;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.RatedUsage;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Adds each rated usage to its customer's spend in the usage's billing period, with the request count,
 * for {@code GET /v1/customers/{id}/spend}. Caps count spend per scope in {@link CountSpendAndCheckCaps}.
 */
final class SpendRecorder implements Processor<CustomerId, RatedUsage, Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(SpendRecorder.class);

    private KeyValueStore<String, SpendState> spend;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.spend = context.getStateStore(SpendTopology.SPEND_STORE);
    }

    @Override
    public void process(Record<CustomerId, RatedUsage> record) {
        RatedUsage usage = record.value();
        if (usage == null) {
            // rating never writes tombstones; say so loudly rather than count nothing silently
            log.error("ignoring a usage.rated record without value, key {}", record.key());
            return;
        }
        String key = SpendState.keyOf(usage.event().customer(), usage.period());
        SpendState updated = add(spend.get(key), usage, Instant.ofEpochMilli(record.timestamp()));
        spend.put(key, updated);
    }

    static SpendState add(SpendState current, RatedUsage usage, Instant at) {
        SpendState base = current != null ? current : new SpendState(usage.event().customer(), usage.period(),
                Microcents.ZERO, Microcents.ZERO, 0, at);
        return new SpendState(base.customer(), base.period(),
                base.chargeMicrocents().plus(usage.chargeMicrocents()),
                base.costMicrocents().plus(usage.costMicrocents()),
                Math.addExact(base.requests(), usage.event().requests()),
                at);
    }
}
