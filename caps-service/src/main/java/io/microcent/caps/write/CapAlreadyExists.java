package io.microcent.caps.write;

import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CapId;
import io.microcent.platform.axon.Rejection;

/** A cap id is issued once; a second creation under it (a replayed command) is refused. */
public final class CapAlreadyExists extends Rejection {

    public CapAlreadyExists(CapId cap) {
        super(ErrorCode.CONFLICT, null, "cap " + cap + " already exists");
    }
}
