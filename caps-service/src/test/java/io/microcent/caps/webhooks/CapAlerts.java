package io.microcent.caps.webhooks;

import io.microcent.model.caps.CapAlert;
import io.microcent.model.caps.CapAlertId;
import io.microcent.model.caps.CapMeasure;
import io.microcent.model.caps.CapMode;
import io.microcent.model.caps.CapPeriodId;
import io.microcent.model.caps.CapScope;
import io.microcent.model.id.CapId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;

import java.time.Instant;
import java.util.UUID;

/** Cap alerts for tests. */
final class CapAlerts {

    static final Instant NOV_21 = Instant.parse("2026-11-21T10:15:30Z");
    static final CapPeriodId NOVEMBER = CapPeriodId.parse("2026-11");

    private CapAlerts() {
    }

    /** A customer no other test uses. */
    static CustomerId uniqueCustomer() {
        return CustomerId.of("acme-" + UUID.randomUUID());
    }

    /** {@code customer}'s monthly $100 hard cap passed {@code percent} %, with spend at exactly that share. */
    static CapAlert crossed(CustomerId customer, int percent) {
        CapId capId = CapId.of("cap-" + UUID.randomUUID());
        return new CapAlert(new CapAlertId(capId, NOVEMBER, percent), capId, customer, CapScope.CUSTOMER, customer.raw(),
                NOVEMBER, CapMeasure.CHARGE, CapMode.HARD, percent, Microcents.ofDollars("1").times(percent),
                Microcents.ofDollars("100"), percent >= 100, NOV_21);
    }

    /** An alert of cap {@code capId} in November, as the topology would raise it. */
    static CapAlert alert(String capId, CapScope scope, String scopeId, CapMode mode, int percent, Microcents spent,
                          Microcents limit, boolean blocked) {
        CapId cap = CapId.of(capId);
        return new CapAlert(new CapAlertId(cap, NOVEMBER, percent), cap, CustomerId.of("acme"), scope, scopeId, NOVEMBER,
                CapMeasure.CHARGE, mode, percent, spent, limit, blocked, NOV_21);
    }
}
