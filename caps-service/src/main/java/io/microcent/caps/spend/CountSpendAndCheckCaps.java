package io.microcent.caps.spend;

import io.microcent.model.caps.CapDefinition;
import io.microcent.model.caps.CapPeriod;
import io.microcent.model.caps.CapPeriodKey;
import io.microcent.model.caps.CapScope;
import io.microcent.model.caps.CustomerCaps;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Counts each rated usage in every scope it belongs to, per month and per day (whether or not a cap
 * exists yet, so that a cap created mid-period sees the period's spend so far), settles the reservation
 * its call made, and checks the customer's caps that apply to it.
 *
 * <p>Usage is never dropped: usage over a cap is counted (and billed by invoicing) like any other; a
 * hard cap only makes {@code /v1/authorize} refuse new calls.
 */
final class CountSpendAndCheckCaps implements Processor<CustomerId, RatedUsage, CapPeriodKey, CapsOutput> {

    private static final Logger log = LoggerFactory.getLogger(CountSpendAndCheckCaps.class);

    private final Reservations reservations;
    private KeyValueStore<CustomerId, CustomerCaps> definitions;
    private KeyValueStore<String, ScopeSpend> spend;
    private CapChecker checker;

    CountSpendAndCheckCaps(Reservations reservations) {
        this.reservations = reservations;
    }

    @Override
    public void init(ProcessorContext<CapPeriodKey, CapsOutput> context) {
        this.definitions = context.getStateStore(SpendTopology.DEFINITIONS_STORE);
        this.spend = context.getStateStore(SpendTopology.SCOPE_SPEND_STORE);
        this.checker = new CapChecker(context);
    }

    @Override
    public void process(Record<CustomerId, RatedUsage> record) {
        RatedUsage usage = record.value();
        if (usage == null) {
            // rating never writes tombstones; say so loudly rather than count nothing silently
            log.error("ignoring a usage.rated record without value, key {}", record.key());
            return;
        }
        UsageEvent event = usage.event();
        ScopeIds scopes = ScopeIds.of(event);
        reservations.settle(event.customer(), event.reservationId(), () -> count(usage, scopes));
        CustomerCaps caps = definitions.get(event.customer());
        if (caps == null) {
            return;
        }
        for (CapDefinition cap : caps.caps()) {
            if (scopes.matches(cap)) {
                checker.check(cap, UsagePeriods.of(cap.period(), usage), record.timestamp());
            }
        }
    }

    private void count(RatedUsage usage, ScopeIds scopes) {
        // every sum first (an overflow throws here, before anything is written, and the record is set aside
        // whole), then the writes
        Map<String, ScopeSpend> updated = new java.util.LinkedHashMap<>();
        for (Map.Entry<CapScope, String> scope : scopes.ids().entrySet()) {
            for (CapPeriod period : CapPeriod.values()) {
                String key = SpendKeys.of(usage.event().customer(), UsagePeriods.of(period, usage), scope.getKey(), scope.getValue());
                updated.put(key, ScopeSpend.orNone(spend.get(key)).plus(usage));
            }
        }
        updated.forEach(spend::put);
    }
}
