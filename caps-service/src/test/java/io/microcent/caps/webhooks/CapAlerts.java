package io.microcent.caps.webhooks;

import io.microcent.model.caps.CapAlert;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;

import java.time.Instant;
import java.util.UUID;

/** Cap alerts for tests. */
final class CapAlerts {

    static final Instant NOV_21 = Instant.parse("2026-11-21T10:15:30Z");

    private CapAlerts() {
    }

    /** A customer no other test uses. */
    static CustomerId uniqueCustomer() {
        return CustomerId.of("acme-" + UUID.randomUUID());
    }

    /** {@code customer}'s monthly $100 hard cap passed {@code percent} %, with spend at exactly that share. */
    static CapAlert crossed(CustomerId customer, int percent) {
        String capId = "cap-" + UUID.randomUUID();
        return new CapAlert(CapAlert.alertIdOf(capId, "2026-11", percent), capId, customer, "customer", customer.raw(),
                "2026-11", "charge", "hard", percent, Microcents.ofDollars("1").times(percent),
                Microcents.ofDollars("100"), percent >= 100, NOV_21);
    }
}
