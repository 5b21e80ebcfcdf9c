package io.microcent.caps.write.deletecap;

import io.microcent.caps.write.CapEvent;
import io.microcent.caps.write.CapNotFound;
import io.microcent.caps.write.CurrentCap;

import java.util.List;

/** Decides a cap's deletion: a cap never created is not found; deleting a deleted cap again records nothing. */
public final class DeleteCapHandler {

    public List<CapEvent> decide(DeleteCap command, CurrentCap current) {
        if (!current.created()) {
            throw new CapNotFound(command.capId());
        }
        if (current.deleted()) {
            return List.of();
        }
        return List.of(new CapDeleted(command.capId(), current.customer(), command.actor(), command.requestedAt()));
    }
}
