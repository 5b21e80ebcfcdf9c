package io.microcent.caps.spend;

import io.microcent.model.caps.CapDefinition;
import io.microcent.model.caps.CapPeriod;
import io.microcent.model.caps.CapPeriodId;
import io.microcent.model.caps.CapScope;
import io.microcent.model.caps.SpendState;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.RatedUsage;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one batch of rated lines adds to the spend stores, staged until the batch is done: each line is counted,
 * in order, in its own customer's spend of its billing period ({@link SpendTopology#SPEND_STORE}), meters
 * ({@link SpendTopology#METERS_STORE}) and every scope it carries, per month and per day
 * ({@link SpendTopology#SCOPE_SPEND_STORE}); later lines and cap checks see earlier lines' sums. A line is counted
 * in all three stores or in none. Every key belongs to one customer, so the batch stages per customer and
 * writes one customer's keys at a time ({@link #write}).
 */
final class BatchSpend {

    private final KeyValueStore<String, SpendState> periodStore;
    private final KeyValueStore<String, PeriodMeters> meterStore;
    private final KeyValueStore<String, ScopeSpend> scopeStore;
    private final Map<CustomerId, Staged> byCustomer = new HashMap<>();

    /** One customer's staged sums. */
    private record Staged(StagedStore<String, SpendState> periods, StagedStore<String, PeriodMeters> meters,
                          StagedStore<String, ScopeSpend> scopes) {
    }

    BatchSpend(ProcessorContext<?, ?> context) {
        this.periodStore = context.getStateStore(SpendTopology.SPEND_STORE);
        this.meterStore = context.getStateStore(SpendTopology.METERS_STORE);
        this.scopeStore = context.getStateStore(SpendTopology.SCOPE_SPEND_STORE);
    }

    /**
     * Stages {@code line}, counted at {@code at} (the record's timestamp). Every sum is computed first: one that
     * overflows throws {@link ArithmeticException} before anything of the line is staged.
     */
    void count(RatedUsage line, Instant at) {
        CustomerId customer = line.event().customer();
        Staged staged = of(customer);
        StagedStore<String, SpendState> periods = staged.periods();
        StagedStore<String, PeriodMeters> meters = staged.meters();
        StagedStore<String, ScopeSpend> scopes = staged.scopes();
        String periodKey = SpendState.keyOf(customer, line.period());
        SpendState period = plus(periods.get(periodKey), line, at);
        PeriodMeters meter = PeriodMeters.orNone(meters.get(periodKey)).plus(line);
        Map<String, ScopeSpend> scoped = new LinkedHashMap<>();
        for (Map.Entry<CapScope, String> scope : ScopeIds.of(line.event()).ids().entrySet()) {
            for (CapPeriod capPeriod : CapPeriod.values()) {
                String key = SpendKeys.of(customer, UsagePeriods.of(capPeriod, line), scope.getKey(), scope.getValue());
                scoped.put(key, ScopeSpend.orNone(scopes.get(key)).plus(line));
            }
        }
        periods.stage(periodKey, period);
        meters.stage(periodKey, meter);
        scoped.forEach(scopes::stage);
    }

    /** What {@code cap} has counted in {@code period}, this batch's lines so far included. */
    Microcents spentOn(CapDefinition cap, CapPeriodId period) {
        return ScopeSpend.orNone(of(cap.customer()).scopes().get(SpendKeys.of(cap, period))).in(cap.measure());
    }

    /** Writes the customer's staged sums, each key once. */
    void write(CustomerId customer) {
        Staged staged = byCustomer.remove(customer);
        if (staged != null) {
            staged.periods().writeAll();
            staged.meters().writeAll();
            staged.scopes().writeAll();
        }
    }

    /** Forgets everything staged (a batch that failed writes nothing). */
    void discard() {
        byCustomer.clear();
    }

    private Staged of(CustomerId customer) {
        return byCustomer.computeIfAbsent(customer, c -> new Staged(new StagedStore<>(periodStore),
                new StagedStore<>(meterStore), new StagedStore<>(scopeStore)));
    }

    private static SpendState plus(SpendState current, RatedUsage line, Instant at) {
        SpendState base = current != null ? current : new SpendState(line.event().customer(), line.period(),
                Microcents.ZERO, Microcents.ZERO, 0, at);
        return new SpendState(base.customer(), base.period(),
                base.chargeMicrocents().plus(line.chargeMicrocents()),
                base.costMicrocents().plus(line.costMicrocents()),
                Math.addExact(base.requests(), line.event().requests()),
                at);
    }
}
