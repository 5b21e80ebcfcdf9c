package io.microcent.rating.stream;

import io.microcent.model.deadletter.DeadLetterReason;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.UsageEvent;

/** What rating made of a usage record: the rated lines of its events, and each event that could not be rated, alone. */
sealed interface RatingOutcome {

    /** Every line rated from one record, in the order of its events. */
    record Rated(RatedBatch batch) implements RatingOutcome {
    }

    /** @param event the event as received; {@code null} when the record had no value */
    record Rejected(UsageEvent event, DeadLetterReason reason) implements RatingOutcome {
    }
}
