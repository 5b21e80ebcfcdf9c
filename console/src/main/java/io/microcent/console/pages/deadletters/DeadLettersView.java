package io.microcent.console.pages.deadletters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.microcent.model.json.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A page of dead letters, newest first, with what the filters were and where the next page starts. */
public record DeadLettersView(List<Letter> letters, String next, String reason, String customer) {

    private static final ObjectMapper PRETTY = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One set-aside record: its original key and value (value pretty-printed JSON when it parses, else its
     * base64 text) and the dead-letter headers the service keeps (source, consumer, detail, time).
     */
    public record Letter(String id, String reason, String consumer, String sourceTopic, String sourcePartition, String sourceOffset,
                         String customer, String detail, String deadLetteredAt, boolean replayable, String replayedAt,
                         String key, String value, boolean valueIsJson) {
    }

    static DeadLettersView of(JsonNode page, String reason, String customer) {
        List<Letter> letters = new ArrayList<>();
        for (JsonNode l : page.path("deadLetters")) {
            boolean json = l.has("value");
            letters.add(new Letter(l.path("id").asText(), l.path("reason").asText(), l.path("consumer").asText(),
                    l.path("sourceTopic").asText(), l.path("sourcePartition").asText(""), l.path("sourceOffset").asText(""),
                    l.path("customer").asText(""), l.path("detail").asText(""), l.path("deadLetteredAt").asText(),
                    l.path("replayable").asBoolean(), l.path("replayedAt").asText(""),
                    l.has("key") ? l.path("key").asText() : l.has("keyBase64") ? "base64 " + l.path("keyBase64").asText() : "",
                    json ? pretty(l.path("value")) : l.path("valueBase64").asText(""), json));
        }
        return new DeadLettersView(letters, page.path("next").isNull() ? "" : page.path("next").asText(""), reason, customer);
    }

    private static String pretty(JsonNode value) {
        try {
            return PRETTY.writeValueAsString(value);
        } catch (IOException e) {
            return value.toString();
        }
    }
}
