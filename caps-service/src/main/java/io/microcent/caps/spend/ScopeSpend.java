package io.microcent.caps.spend;

import io.microcent.model.caps.CapMeasure;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.RatedUsage;

import java.util.Objects;

/**
 * The rated spend of one scope in one period, in both measures, as kept in {@link SpendTopology#SCOPE_SPEND_STORE}.
 *
 * @param chargeMicrocents what the customer owes for the usage under its plan
 * @param costMicrocents   what the usage cost at the providers
 */
public record ScopeSpend(Microcents chargeMicrocents, Microcents costMicrocents) {

    public static final ScopeSpend NONE = new ScopeSpend(Microcents.ZERO, Microcents.ZERO);

    public ScopeSpend {
        Objects.requireNonNull(chargeMicrocents, "chargeMicrocents");
        Objects.requireNonNull(costMicrocents, "costMicrocents");
    }

    public static ScopeSpend orNone(ScopeSpend spend) {
        return spend != null ? spend : NONE;
    }

    public ScopeSpend plus(RatedUsage usage) {
        return new ScopeSpend(chargeMicrocents.plus(usage.chargeMicrocents()), costMicrocents.plus(usage.costMicrocents()));
    }

    public Microcents in(CapMeasure measure) {
        return switch (measure) {
            case CHARGE -> chargeMicrocents;
            case COST -> costMicrocents;
        };
    }
}
