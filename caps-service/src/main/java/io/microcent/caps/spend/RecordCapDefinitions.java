package io.microcent.caps.spend;

import io.microcent.caps.spend.CapsOutput.StateRemoved;
import io.microcent.model.caps.CapDefinition;
import io.microcent.model.caps.CapPeriodId;
import io.microcent.model.caps.CapPeriodKey;
import io.microcent.model.caps.CapState;
import io.microcent.model.caps.CustomerCaps;
import io.microcent.model.id.CapId;
import io.microcent.model.id.CustomerId;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps each customer's caps from {@code caps.definitions} in {@link SpendTopology#DEFINITIONS_STORE}, in the
 * same task as the customer's usage, and re-checks every new or changed cap in its current period (the
 * period containing the record's timestamp): a lowered amount may block at once, or cross thresholds.
 * A deleted cap's current state is removed from {@code caps.state} with a tombstone.
 */
final class RecordCapDefinitions implements Processor<CustomerId, CustomerCaps, CapPeriodKey, CapsOutput> {

    private static final Logger log = LoggerFactory.getLogger(RecordCapDefinitions.class);

    private ProcessorContext<CapPeriodKey, CapsOutput> context;
    private KeyValueStore<CustomerId, CustomerCaps> definitions;
    private KeyValueStore<String, ScopeSpend> spend;
    private CapChecks checks;

    @Override
    public void init(ProcessorContext<CapPeriodKey, CapsOutput> context) {
        this.context = context;
        this.definitions = context.getStateStore(SpendTopology.DEFINITIONS_STORE);
        this.spend = context.getStateStore(SpendTopology.SCOPE_SPEND_STORE);
        this.checks = new CapChecks(context);
    }

    @Override
    public void process(Record<CustomerId, CustomerCaps> record) {
        CustomerId customer = record.key();
        if (customer == null) {
            return; // caps without a customer cannot apply to anyone's usage
        }
        CustomerCaps previous = definitions.get(customer);
        CustomerCaps next = record.value();
        if (next != null && previous != null && next.version() < previous.version()) {
            log.warn("ignoring caps of {} version {}: version {} is already applied", customer, next.version(), previous.version());
            return;
        }
        if (next == null) {
            definitions.delete(customer);
        } else {
            definitions.put(customer, next);
        }
        Instant at = Instant.ofEpochMilli(record.timestamp());
        Map<CapId, CapDefinition> before = byId(previous);
        Map<CapId, CapDefinition> after = byId(next);
        after.values().stream()
                .filter(cap -> !cap.equals(before.get(cap.id())))
                .forEach(cap -> check(cap, CapPeriodId.containing(cap.period(), at), record.timestamp()));
        checks.publish();
        before.values().stream()
                .filter(cap -> !after.containsKey(cap.id()))
                .map(cap -> CapState.keyOf(cap.id(), CapPeriodId.containing(cap.period(), at)))
                .forEach(key -> context.forward(new Record<>(key, new StateRemoved(key), record.timestamp())));
    }

    private void check(CapDefinition cap, CapPeriodId period, long timestamp) {
        checks.check(cap, period, ScopeSpend.orNone(spend.get(SpendKeys.of(cap, period))).in(cap.measure()), timestamp);
    }

    private static Map<CapId, CapDefinition> byId(CustomerCaps caps) {
        List<CapDefinition> list = caps == null ? List.of() : caps.caps();
        return list.stream().collect(Collectors.toMap(CapDefinition::id, Function.identity()));
    }
}
