package io.microcent.console.pages.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.microcent.model.json.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Webhook endpoints and delivery logs as the caps service lists them. */
public record WebhooksView(List<Endpoint> endpoints) {

    private static final ObjectMapper PRETTY = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    public record Endpoint(String id, String url, String customer, List<String> events, String format, String description,
                           String createdAt, String status, String disabledReason) {

        public String eventsText() {
            return events.isEmpty() ? "every event" : String.join(", ", events);
        }
    }

    public record DeliveryRow(String id, String eventId, String eventType, String status, int attempts, String lastStatusCode,
                              String lastError, String nextAttemptAt, String deliveredAt, String createdAt, String payload) {
    }

    static WebhooksView of(JsonNode answer) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (JsonNode hook : answer.path("webhooks")) {
            List<String> events = new ArrayList<>();
            hook.path("events").forEach(e -> events.add(e.asText()));
            endpoints.add(new Endpoint(hook.path("id").asText(), hook.path("url").asText(), hook.path("customer").asText(""), events,
                    hook.path("format").asText(), hook.path("description").asText(""), hook.path("createdAt").asText(),
                    hook.path("status").asText("enabled"), hook.path("disabledReason").asText("")));
        }
        return new WebhooksView(endpoints);
    }

    static List<DeliveryRow> deliveries(JsonNode log) {
        List<DeliveryRow> rows = new ArrayList<>();
        for (JsonNode d : log.path("deliveries")) {
            rows.add(new DeliveryRow(d.path("id").asText(), d.path("eventId").asText(), d.path("eventType").asText(),
                    d.path("status").asText(), d.path("attempts").asInt(), d.path("lastStatusCode").asText(""),
                    d.path("lastError").asText(""), d.path("nextAttemptAt").asText(""), d.path("deliveredAt").asText(""),
                    d.path("createdAt").asText(), pretty(d.path("payload").asText(""))));
        }
        return rows;
    }

    /** The payload indented for reading; left as sent when it is not JSON. */
    static String pretty(String payload) {
        try {
            return payload.isEmpty() ? "" : PRETTY.writeValueAsString(PRETTY.readTree(payload));
        } catch (IOException e) {
            return payload;
        }
    }
}
