package io.microcent.rating.stream;

import io.microcent.model.deadletter.DeadLetterReason;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;

/** What rating made of one usage record: a rated usage, or the event and why it could not be rated. */
sealed interface RatingOutcome {

    record Rated(RatedUsage usage) implements RatingOutcome {
    }

    /** @param event the event as received; {@code null} when the record had no value */
    record Rejected(UsageEvent event, DeadLetterReason reason) implements RatingOutcome {
    }
}
