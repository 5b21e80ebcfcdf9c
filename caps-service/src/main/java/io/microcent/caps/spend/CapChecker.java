package io.microcent.caps.spend;

import io.microcent.caps.spend.CapsOutput.AlertRaised;
import io.microcent.caps.spend.CapsOutput.StateChanged;
import io.microcent.model.caps.CapAlert;
import io.microcent.model.caps.CapDefinition;
import io.microcent.model.caps.CapPeriodId;
import io.microcent.model.caps.CapPeriodKey;
import io.microcent.model.caps.CapState;
import io.microcent.model.money.Microcents;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;

/**
 * Checks one cap in one period against the spend counted so far and passes on its state and the alerts
 * of newly crossed thresholds, remembering those so that each alerts once per period. Shared by the
 * processors that react to usage and to cap changes.
 */
final class CapChecker {

    private final ProcessorContext<CapPeriodKey, CapsOutput> context;
    private final KeyValueStore<String, ScopeSpend> spend;
    private final KeyValueStore<CapPeriodKey, FiredThresholds> fired;

    CapChecker(ProcessorContext<CapPeriodKey, CapsOutput> context) {
        this.context = context;
        this.spend = context.getStateStore(SpendTopology.SCOPE_SPEND_STORE);
        this.fired = context.getStateStore(SpendTopology.THRESHOLDS_STORE);
    }

    /** @param timestamp the Kafka timestamp of the record that triggered the check, kept on what it emits */
    void check(CapDefinition cap, CapPeriodId period, long timestamp) {
        Microcents spent = ScopeSpend.orNone(spend.get(SpendKeys.of(cap, period))).in(cap.measure());
        CapPeriodKey key = CapState.keyOf(cap.id(), period);
        FiredThresholds firedBefore = FiredThresholds.orNone(fired.get(key));
        CapEvaluation evaluation = CapEvaluation.of(cap, period, spent, firedBefore, Instant.ofEpochMilli(timestamp));
        if (!evaluation.fired().equals(firedBefore)) {
            fired.put(key, evaluation.fired());
        }
        context.forward(new Record<>(key, new StateChanged(evaluation.state()), timestamp));
        for (CapAlert alert : evaluation.alerts()) {
            context.forward(new Record<>(key, new AlertRaised(alert), timestamp));
        }
    }
}
