package io.microcent.caps.write.createcap;

import io.microcent.caps.write.CapAlreadyExists;
import io.microcent.caps.write.CapEvent;
import io.microcent.caps.write.CapSettings;
import io.microcent.caps.write.CurrentCap;

import java.util.List;

/** Decides a cap's creation: once per cap id (ids are issued by the endpoint, so only a replay repeats one). */
public final class CreateCapHandler {

    public List<CapEvent> decide(CreateCap command, CurrentCap current) {
        if (current.created()) {
            throw new CapAlreadyExists(command.capId());
        }
        CapSettings settings = command.settings();
        return List.of(new CapCreated(command.capId(), command.customer(), command.scope(), command.scopeId(),
                settings.amount(), command.period(), command.measure(), settings.mode(), settings.thresholds(),
                command.actor(), command.requestedAt()));
    }
}
