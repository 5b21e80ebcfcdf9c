package io.microcent.caps.spend;

import io.microcent.model.caps.CapDefinition;
import io.microcent.model.caps.CapMeasure;
import io.microcent.model.caps.CapMode;
import io.microcent.model.caps.CapPeriod;
import io.microcent.model.caps.CapScope;
import io.microcent.model.id.CapId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;

import java.util.List;

/** Caps for tests: a monthly hard cap on the customer's charge unless said otherwise. */
public final class CapDefinitions {

    private CapDefinitions() {
    }

    public static CapDefinition hardMonthly(String id, CustomerId customer, long amount) {
        return cap(id, customer, CapScope.CUSTOMER, customer.raw(), amount, CapPeriod.MONTH, CapMode.HARD, List.of(50, 80, 100));
    }

    public static CapDefinition cap(String id, CustomerId customer, CapScope scope, String scopeId, long amount,
                                    CapPeriod period, CapMode mode, List<Integer> thresholds) {
        return new CapDefinition(CapId.of(id), customer, scope, scopeId, Microcents.of(amount), period, CapMeasure.CHARGE,
                mode, thresholds);
    }

    public static CapDefinition withMeasure(CapDefinition cap, CapMeasure measure) {
        return new CapDefinition(cap.id(), cap.customer(), cap.scope(), cap.scopeId(), cap.amountMicrocents(), cap.period(),
                measure, cap.mode(), cap.thresholds());
    }

    public static CapDefinition withAmount(CapDefinition cap, long amount) {
        return new CapDefinition(cap.id(), cap.customer(), cap.scope(), cap.scopeId(), Microcents.of(amount), cap.period(),
                cap.measure(), cap.mode(), cap.thresholds());
    }
}
