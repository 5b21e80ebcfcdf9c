package io.microcent.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dead-letter API as the tests expect it: {@code GET /v1/dead-letters} lists every record a consumer
 * set aside, {@code POST /v1/dead-letters/replay} sends one back to where it came from. Every field name and
 * body shape of that contract is here, and only here, so that aligning with the real API is one edit.
 */
final class DeadLetters {

    static final String LIST = "/v1/dead-letters";
    static final String REPLAY = "/v1/dead-letters/replay";

    /**
     * One parked record.
     *
     * @param reason      why it was set aside, e.g. {@code unreadable}, {@code customer_unknown}
     * @param consumer    who set it aside: every consumer of a topic that cannot read a record sets it aside
     * @param customer    the customer the record is about, when it names one
     * @param sourceTopic the topic it was read from
     * @param record      the original value: JSON when it parses, else its base64 text
     */
    record DeadLetter(String id, String reason, String consumer, String customer, String sourceTopic, JsonNode record) {
    }

    private DeadLetters() {
    }

    static List<DeadLetter> list(Microcent api) {
        JsonNode answer = Microcent.ok(api.get(LIST));
        List<DeadLetter> letters = new ArrayList<>();
        for (JsonNode item : answer.path("deadLetters")) {
            letters.add(new DeadLetter(text(item, "id"), text(item, "reason"), text(item, "consumer"), text(item, "customer"), text(item, "sourceTopic"),
                    item.has("value") ? item.path("value") : item.path("valueBase64")));
        }
        return letters;
    }

    /** Replays the records set aside for {@code letter}'s reason and customer; the answer must say it was accepted (2xx). */
    static void replay(Microcent api, DeadLetter letter) {
        ApiClient.Response answer = api.post(REPLAY + "?reason=" + letter.reason() + "&customer=" + letter.customer(), "");
        assertThat(answer.status()).as("replay of %s: %s", letter.id(), answer.json()).isBetween(200, 299);
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
