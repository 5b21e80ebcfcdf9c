package io.microcent.caps.spend;

import io.microcent.model.caps.CapDefinition;
import io.microcent.model.caps.CapPeriodId;
import io.microcent.model.caps.CapScope;
import io.microcent.model.id.CustomerId;

/**
 * Keys of {@link SpendTopology#SCOPE_SPEND_STORE}: {@code <customer>|<period>|<scope>|<scopeId>}, e.g.
 * {@code acme|2026-11|project|Search}. The scope id comes last because it is the only part that may
 * contain {@code |}; customer ids never do.
 */
public final class SpendKeys {

    private SpendKeys() {
    }

    public static String of(CustomerId customer, CapPeriodId period, CapScope scope, String scopeId) {
        return customer.raw() + '|' + period + '|' + scope.wireName() + '|' + scopeId;
    }

    /** The spend a cap counts in one of its periods. */
    public static String of(CapDefinition cap, CapPeriodId period) {
        return of(cap.customer(), period, cap.scope(), cap.scopeId());
    }
}
