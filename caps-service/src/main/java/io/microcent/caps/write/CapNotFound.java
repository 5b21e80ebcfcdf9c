package io.microcent.caps.write;

import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CapId;
import io.microcent.platform.axon.Rejection;

/** The cap was never created, or was deleted. */
public final class CapNotFound extends Rejection {

    public CapNotFound(CapId cap) {
        super(ErrorCode.CAP_NOT_FOUND, null, "no cap " + cap);
    }
}
