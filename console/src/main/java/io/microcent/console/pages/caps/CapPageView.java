package io.microcent.console.pages.caps;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** One cap: its figures, its history (who changed what, when) and the alerts it sent. */
public record CapPageView(CapsView.Row cap, List<Change> history, List<Alert> alerts) {

    /** One recorded change; {@code what} lists the settings it decided. */
    public record Change(String type, String actor, String at, String what) {
    }

    public record Alert(String at, String period, int thresholdPercent, long spentMicrocents, long limitMicrocents, boolean blocked) {
    }

    static CapPageView of(CapsView.Row cap, JsonNode history, JsonNode alerts) {
        List<Change> changes = new ArrayList<>();
        for (JsonNode entry : history.path("events")) {
            changes.add(new Change(entry.path("type").asText(), entry.path("actor").asText(), entry.path("at").asText(), what(entry.path("event"))));
        }
        List<Alert> sent = new ArrayList<>();
        for (JsonNode alert : alerts.path("alerts")) {
            sent.add(new Alert(alert.path("occurredAt").asText(), alert.path("period").asText(), alert.path("thresholdPercent").asInt(),
                    alert.path("spentMicrocents").asLong(), alert.path("limitMicrocents").asLong(), alert.path("blocked").asBoolean()));
        }
        return new CapPageView(cap, changes.reversed(), sent);
    }

    /** The event's settings as {@code name=value}, leaving out what every event carries. */
    private static String what(JsonNode event) {
        List<String> parts = new ArrayList<>();
        event.properties().forEach(field -> {
            String name = field.getKey();
            if (!List.of("capId", "actor", "at", "id").contains(name) && !field.getValue().isNull()) {
                JsonNode value = field.getValue();
                parts.add(name + " " + (value.isValueNode() ? value.asText() : value.toString()));
            }
        });
        return String.join(" · ", parts);
    }
}
