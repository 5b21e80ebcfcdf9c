package io.microcent.deploy.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microcent.model.json.Json;

import java.time.Instant;
import java.util.Optional;

/** A gpt-4o call as the load sends it to {@code POST /v1/events}; its id is unique within the run. */
record SentEvent(String id, String customer, Instant timestamp, long inputTokens, long outputTokens,
                 Optional<String> reservationId) {

    static final String PROVIDER = "openai";
    static final String MODEL = "gpt-4o";

    long tokens() {
        return inputTokens + outputTokens;
    }

    ObjectNode json() {
        ObjectNode event = Json.mapper().createObjectNode()
                .put("id", id).put("customer", customer).put("timestamp", timestamp.toString())
                .put("provider", PROVIDER).put("model", MODEL).put("project", "cluster")
                .put("inputTokens", inputTokens).put("outputTokens", outputTokens);
        reservationId.ifPresent(r -> event.put("reservationId", r));
        return event;
    }
}
