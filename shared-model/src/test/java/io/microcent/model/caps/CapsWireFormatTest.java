package io.microcent.model.caps;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.id.CapId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.json.Json;
import io.microcent.model.money.Microcents;
import io.microcent.model.topic.Topic;
import io.microcent.model.topic.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

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

    /** The samples read into the typed records, every key, id and period as what it is. */
    @Test
    void the_samples_read_into_typed_records() {
        CapId cap = CapId.of("cap_5f1c0a9e3b7d42e8a1c6f0b2");
        CapPeriodId november = CapPeriodId.month(YearMonth.of(2026, 11));
        CustomerId acme = CustomerId.of("acme");

        assertThat(read(Topics.CAPS_STATE, "cap-state-month.json")).isEqualTo(new CapState(cap, acme, CapScope.COST_CENTER, "R&D|EU",
                november, CapMeasure.COST, CapMode.HARD, Microcents.of(1_000_000), Microcents.of(1_000_000), CapStatus.BLOCKED,
                Instant.parse("2026-11-21T09:15:30.123Z")));
        assertThat(read(Topics.CAPS_STATE, "cap-state-day.json").period())
                .isEqualTo(CapPeriodId.day(LocalDate.of(2026, 11, 21)));
        assertThat(read(Topics.CAPS_ALERTS, "cap-alert-blocked.json")).isEqualTo(new CapAlert(new CapAlertId(cap, november, 100), cap,
                acme, CapScope.COST_CENTER, "R&D|EU", november, CapMeasure.COST, CapMode.HARD, 100, Microcents.of(1_000_000),
                Microcents.of(1_000_000), true, Instant.parse("2026-11-21T09:15:30.123Z")));
        CapAlert older = read(Topics.CAPS_ALERTS, "cap-alert-without-measure-and-mode.json");
        assertThat(older.measure()).isNull();
        assertThat(older.mode()).isNull();
        assertThat(older.scope()).isEqualTo(CapScope.PROJECT);
        assertThat(read(Topics.CAPS_RESERVATIONS, "reservation-one-hold.json").holds())
                .containsExactly(Map.entry(new CapPeriodKey(cap, november), Microcents.of(1_250)));
        assertThat(read(Topics.CAPS_RESERVATIONS, "reservation-two-holds.json").holds())
                .containsOnlyKeys(new CapPeriodKey(cap, november),
                        CapPeriodKey.parse("cap_0d9e8f7a6b5c4d3e2f1a0b9c|2026-11-21"));
    }

    private static <V> V read(Topic<?, V> topic, String sample) {
        return topic.valueSerde().deserializer().deserialize(topic.name(), sample(sample));
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
