package io.microcent.model.caps;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.json.Json;
import io.microcent.model.topic.Topic;
import io.microcent.model.topic.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caps contracts as they are on the topics: records written before any change of these classes (the samples
 * next to this test) read, and are written back byte for byte, so that logs and every client keep reading them.
 */
class CapsWireFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {"cap-state-month", "cap-state-day"})
    void a_cap_state_and_its_key_are_written_back_as_they_were_read(String sample) {
        byte[] bytes = sample(sample + ".json");
        byte[] key = sample(sample + ".key");

        CapState state = Topics.CAPS_STATE.valueSerde().deserializer().deserialize("caps.state", bytes);

        assertThat(text(Topics.CAPS_STATE.valueSerde().serializer().serialize("caps.state", state))).isEqualTo(text(bytes));
        assertThat(text(Topics.CAPS_STATE.keySerde().serializer().serialize("caps.state", state.key()))).isEqualTo(text(key));
        assertThat(text(rewritten(Topics.CAPS_STATE.keySerde(), key))).isEqualTo(text(key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cap-alert-blocked", "cap-alert-day", "cap-alert-without-measure-and-mode"})
    void a_cap_alert_is_written_back_as_it_was_read(String sample) {
        byte[] bytes = sample(sample + ".json");

        assertThat(text(rewritten(Topics.CAPS_ALERTS, bytes))).isEqualTo(text(bytes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"reservation-one-hold"})
    void a_reservation_is_written_back_as_it_was_read(String sample) {
        byte[] bytes = sample(sample + ".json");

        assertThat(text(rewritten(Topics.CAPS_RESERVATIONS, bytes))).isEqualTo(text(bytes));
    }

    /** The order of several holds was never fixed (an immutable map's), so only the document is compared. */
    @ParameterizedTest
    @ValueSource(strings = {"reservation-two-holds"})
    void a_reservation_with_several_holds_is_written_back_with_the_same_holds(String sample) throws IOException {
        byte[] bytes = sample(sample + ".json");

        JsonNode written = Json.mapper().readTree(rewritten(Topics.CAPS_RESERVATIONS, bytes));

        assertThat(written).isEqualTo(Json.mapper().readTree(bytes));
        assertThat(written.get("holds").size()).isEqualTo(2);
    }

    private static <V> byte[] rewritten(Topic<?, V> topic, byte[] value) {
        V read = topic.valueSerde().deserializer().deserialize(topic.name(), value);
        return topic.valueSerde().serializer().serialize(topic.name(), read);
    }

    private static <K> byte[] rewritten(org.apache.kafka.common.serialization.Serde<K> keySerde, byte[] key) {
        return keySerde.serializer().serialize("caps.state", keySerde.deserializer().deserialize("caps.state", key));
    }

    static byte[] sample(String name) {
        try (InputStream in = CapsWireFormatTest.class.getResourceAsStream(name)) {
            assertThat(in).as("sample %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
