package io.microcent.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microcent.model.json.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** Usage events in Microcent's JSON, as a gateway writes them for {@code POST /v1/events}. */
final class UsageEvents {

    private UsageEvents() {
    }

    /** One request without tokens; add fields with {@link ObjectNode#put}. */
    static ObjectNode event(String id, String customer, Instant timestamp) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("id", id);
        event.put("customer", customer);
        event.put("timestamp", timestamp.toString());
        return event;
    }

    /** One LLM call of {@code model} at {@code provider}. */
    static ObjectNode llmCall(String id, String customer, Instant timestamp, String provider, String model,
                              long inputTokens, long outputTokens) {
        return event(id, customer, timestamp)
                .put("provider", provider)
                .put("model", model)
                .put("inputTokens", inputTokens)
                .put("outputTokens", outputTokens);
    }

    /**
     * {@code count} gpt-4o calls of 100 input and 20 output tokens for project "chatbot", ids
     * {@code idPrefix0…}, one every {@code every} from {@code start}.
     */
    static List<ObjectNode> chatbotCalls(String customer, String idPrefix, int count, Instant start, Duration every) {
        return IntStream.range(0, count)
                .mapToObj(i -> llmCall(idPrefix + i, customer, start.plus(every.multipliedBy(i)), "openai", "gpt-4o", 100, 20)
                        .put("project", "chatbot"))
                .toList();
    }

    static String array(List<ObjectNode> events) {
        ArrayNode array = Json.mapper().createArrayNode();
        events.forEach(array::add);
        return array.toString();
    }
}
