package io.microcent.caps.write;

import io.microcent.model.id.CapId;
import io.microcent.model.id.CustomerId;

import java.time.Instant;

/** An event of a cap's life, as stored in the event store: what was decided, by whom, when. */
public interface CapEvent {

    CapId capId();

    CustomerId customer();

    /** Who asked for the change. */
    Actor actor();

    /** When the deciding command was sent. */
    Instant at();
}
