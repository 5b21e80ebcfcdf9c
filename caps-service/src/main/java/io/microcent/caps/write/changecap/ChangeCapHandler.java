package io.microcent.caps.write.changecap;

import io.microcent.caps.write.CapEvent;
import io.microcent.caps.write.CapNotFound;
import io.microcent.caps.write.CapSettings;
import io.microcent.caps.write.CurrentCap;

import java.util.List;

/**
 * Decides a change of a cap's settings: only of a cap that exists and is not deleted. A change that
 * leaves every setting as it is records nothing, so a retried request is harmless.
 */
public final class ChangeCapHandler {

    public List<CapEvent> decide(ChangeCap command, CurrentCap current) {
        if (!current.active()) {
            throw new CapNotFound(command.capId());
        }
        CapSettings changed = current.settings().with(command.amount(), command.mode(), command.thresholds());
        if (changed.equals(current.settings())) {
            return List.of();
        }
        return List.of(new CapChanged(command.capId(), current.customer(), changed.amount(), changed.mode(),
                changed.thresholds(), command.actor(), command.requestedAt()));
    }
}
