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

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks caps against their spend and passes on the alerts of newly crossed thresholds at once, at the check
 * (the line) that crossed them, remembering those so that each alerts once per period. The caps' states and
 * the thresholds that fired are kept until {@link #publish}, so that a batch of lines publishes each cap's
 * state once, its final one. Shared by the processors that react to usage and to cap changes.
 */
final class CapChecks {

    private final ProcessorContext<CapPeriodKey, CapsOutput> context;
    private final StagedStore<CapPeriodKey, FiredThresholds> fired;
    private final Map<CapPeriodKey, CapState> states = new LinkedHashMap<>();

    CapChecks(ProcessorContext<CapPeriodKey, CapsOutput> context) {
        this.context = context;
        this.fired = new StagedStore<>(context.getStateStore(SpendTopology.THRESHOLDS_STORE));
    }

    /**
     * @param spent     what the cap has counted in {@code period} so far
     * @param timestamp the Kafka timestamp of the record that triggered the check, kept on what it emits
     */
    void check(CapDefinition cap, CapPeriodId period, Microcents spent, long timestamp) {
        CapPeriodKey key = CapState.keyOf(cap.id(), period);
        FiredThresholds firedBefore = FiredThresholds.orNone(fired.get(key));
        CapEvaluation evaluation = CapEvaluation.of(cap, period, spent, firedBefore, Instant.ofEpochMilli(timestamp));
        if (!evaluation.fired().equals(firedBefore)) {
            fired.stage(key, evaluation.fired());
        }
        states.put(key, evaluation.state());
        for (CapAlert alert : evaluation.alerts()) {
            context.forward(new Record<>(key, new AlertRaised(alert), timestamp));
        }
    }

    /** Publishes each checked cap's latest state once and remembers the thresholds that fired. */
    void publish() {
        fired.writeAll();
        states.forEach((key, state) -> context.forward(new Record<>(key, new StateChanged(state), state.updatedAt().toEpochMilli())));
        states.clear();
    }

    /** Forgets what was checked but not published (a batch that failed). */
    void discard() {
        fired.discard();
        states.clear();
    }
}
