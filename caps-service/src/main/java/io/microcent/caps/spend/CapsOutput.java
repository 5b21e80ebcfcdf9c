package io.microcent.caps.spend;

import io.microcent.model.caps.CapAlert;
import io.microcent.model.caps.CapPeriodKey;
import io.microcent.model.caps.CapState;
import io.microcent.model.deadletter.DeadLetter;

/** What the caps processors emit: a cap's new state, a deleted cap's state to remove, an alert, or a line set aside. */
sealed interface CapsOutput {

    /** For {@code caps.state} under {@link CapState#key()}. */
    record StateChanged(CapState state) implements CapsOutput {
    }

    /** A tombstone for {@code caps.state} under {@code key}: the cap was deleted. */
    record StateRemoved(CapPeriodKey key) implements CapsOutput {
    }

    /** For {@code caps.alerts} under the alert's customer (emitted under its cap and period, like the state). */
    record AlertRaised(CapAlert alert) implements CapsOutput {
    }

    /** For {@code dead-letters}: one line of a batch that could not be counted (the rest of the batch was). */
    record LineSetAside(DeadLetter letter) implements CapsOutput {
    }
}
