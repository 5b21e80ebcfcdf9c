package io.microcent.model.topic;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.json.Json;
import io.microcent.model.topic.wire.BinaryRecords;
import io.microcent.model.topic.wire.UsageSamples;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageBatch;
import io.microcent.model.usage.UsageEvent;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static io.microcent.model.topic.wire.UsageSamples.BARE_EVENT;
import static io.microcent.model.topic.wire.UsageSamples.LEGACY_LINE;
import static io.microcent.model.topic.wire.UsageSamples.TYPICAL_EVENT;
import static io.microcent.model.topic.wire.UsageSamples.TYPICAL_LINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The serdes of usage.events and usage.rated: they write binary and read every record of their topic, binary or JSON. */
class UsageTopicSerdesTest {

    private static final String EVENTS = Topics.USAGE_EVENTS.name();
    private static final String RATED = Topics.USAGE_RATED.name();

    @Test
    void every_serde_writes_binary_records() {
        assertThat(Topics.USAGE_EVENTS.valueSerde().serializer().serialize(EVENTS, TYPICAL_EVENT))
                .isEqualTo(UsageSamples.hexResource("usage-event.hex"));
        assertThat(Topics.USAGE_RATED.valueSerde().serializer().serialize(RATED, TYPICAL_LINE))
                .isEqualTo(UsageSamples.hexResource("rated-usage.hex"));
        assertThat(Topics.USAGE_EVENT_BATCHES.valueSerde().serializer().serialize(EVENTS, UsageBatch.of(TYPICAL_EVENT))).startsWith(0, 2);
        assertThat(Topics.USAGE_RATED_BATCHES.valueSerde().serializer().serialize(RATED, RatedBatch.of(TYPICAL_LINE))).startsWith(0, 4);
        assertThat(Topics.USAGE_EVENTS.valueSerde().serializer().serialize(EVENTS, null)).isNull();
        assertThat(Topics.USAGE_EVENT_BATCHES.valueSerde().deserializer().deserialize(EVENTS, null)).isNull();
    }

    @Test
    void json_events_written_before_still_read_one_by_one_and_as_batches() {
        byte[] typical = UsageSamples.resource("usage-event.json");
        byte[] bare = UsageSamples.resource("usage-event-bare.json");
        byte[] array = UsageSamples.resource("usage-events.json");
        assertThat(events(typical)).isEqualTo(TYPICAL_EVENT);
        assertThat(events(bare)).isEqualTo(BARE_EVENT);
        assertThat(eventBatches(typical)).isEqualTo(UsageBatch.of(TYPICAL_EVENT));
        assertThat(eventBatches(array)).isEqualTo(new UsageBatch(List.of(TYPICAL_EVENT, BARE_EVENT)));
    }

    @Test
    void json_rated_lines_written_before_still_read_one_by_one_and_as_batches() {
        byte[] typical = UsageSamples.resource("rated-usage.json");
        byte[] legacy = UsageSamples.resource("rated-usage-legacy.json");
        byte[] array = UsageSamples.resource("rated-usages.json");
        assertThat(rated(typical)).isEqualTo(TYPICAL_LINE);
        assertThat(rated(legacy)).as("a line written before correction and charges existed").isEqualTo(LEGACY_LINE);
        assertThat(ratedBatches(legacy)).isEqualTo(RatedBatch.of(LEGACY_LINE));
        assertThat(ratedBatches(array)).isEqualTo(new RatedBatch(List.of(TYPICAL_LINE, LEGACY_LINE)));
    }

    @Test
    void batch_readers_read_single_records_as_batches_of_one_and_batches_whole() {
        assertThat(eventBatches(Topics.USAGE_EVENTS.valueSerde().serializer().serialize(EVENTS, BARE_EVENT))).isEqualTo(UsageBatch.of(BARE_EVENT));
        UsageBatch events = new UsageBatch(List.of(TYPICAL_EVENT, BARE_EVENT, TYPICAL_EVENT));
        assertThat(eventBatches(Topics.USAGE_EVENT_BATCHES.valueSerde().serializer().serialize(EVENTS, events))).isEqualTo(events);
        assertThat(ratedBatches(Topics.USAGE_RATED.valueSerde().serializer().serialize(RATED, LEGACY_LINE))).isEqualTo(RatedBatch.of(LEGACY_LINE));
    }

    @Test
    void single_readers_read_a_batch_of_one_as_its_item_and_refuse_a_batch_of_several() {
        byte[] ofOne = Topics.USAGE_EVENT_BATCHES.valueSerde().serializer().serialize(EVENTS, UsageBatch.of(TYPICAL_EVENT));
        assertThat(events(ofOne)).isEqualTo(TYPICAL_EVENT);
        byte[] ofTwo = Topics.USAGE_RATED_BATCHES.valueSerde().serializer().serialize(RATED, new RatedBatch(List.of(TYPICAL_LINE, LEGACY_LINE)));
        assertThatThrownBy(() -> rated(ofTwo)).isInstanceOf(SerializationException.class)
                .hasMessage("the usage.rated record holds 2 rated lines, not one; read it as a batch (Topics.USAGE_RATED_BATCHES)");
        assertThatThrownBy(() -> events(UsageSamples.resource("usage-events.json"))).isInstanceOf(SerializationException.class)
                .hasMessageContaining("holds 2 usage events, not one");
        assertThat(events(("[" + new String(UsageSamples.resource("usage-event.json"), StandardCharsets.UTF_8) + "]")
                .getBytes(StandardCharsets.UTF_8))).as("a JSON array of one").isEqualTo(TYPICAL_EVENT);
    }

    @Test
    void an_empty_binary_batch_is_refused_by_every_reader() {
        byte[] empty = {0x00, 0x02, 0x00};
        assertThatThrownBy(() -> eventBatches(empty)).isInstanceOf(SerializationException.class).hasMessageContaining("at least one event");
        assertThatThrownBy(() -> events(empty)).isInstanceOf(SerializationException.class).hasMessageContaining("holds 0 usage events");
    }

    @Test
    void corrupt_binary_records_are_serialization_errors_naming_the_topic_and_the_fault() throws Exception {
        byte[] event = UsageSamples.hexResource("usage-event.hex");
        assertUnreadable(hex("00"), "a binary record starts with 0x00 and a format byte");
        assertUnreadable(hex("00FFFE7B226E6F74"), "unknown binary format 0xFF");
        assertUnreadable(BinaryRecords.USAGE_RATED.writeBatch(List.of(TYPICAL_LINE)), "not USAGE_EVENT or USAGE_BATCH");
        assertUnreadable(java.util.Arrays.copyOf(event, event.length - 3), "the record ends before its body does");
        assertUnreadable(append(event, (byte) 0), "bytes follow the end of the record");
        // the id's first byte (after 00 01, schema version 02, length 14) made an overlong '/': C0 AF
        assertUnreadable(replace(event, 4, hex("C0AF")), "not well-formed UTF-8");
        // the project's union branch (at the byte after both instants) made 3, which the union has not
        int project = 2 + 1 + 11 + 5 + 9 + 9;
        assertThat(event[project]).isEqualTo((byte) 0x02);
        assertUnreadable(replace(event, project, hex("06")), "no branch 3");
        // a string length far beyond the record: never allocated
        assertUnreadable(replace(event, 3, hex("FEFFFFFF0F")), "a string of 2147483647 bytes");
        assertUnreadable(replace(event, 4, hex("20")), "id must not contain whitespace");
    }

    @Test
    void a_corrupt_boolean_or_charges_that_do_not_add_up_make_a_line_unreadable() {
        byte[] line = UsageSamples.hexResource("rated-usage.hex");
        int unpriced = line.length - 32 - 3; // the charges take the last 32 bytes, after unpriced, adjustment, correction
        assertThat(line[unpriced]).isEqualTo((byte) 0);
        assertThatThrownBy(() -> rated(replace(line, unpriced, hex("02")))).isInstanceOf(SerializationException.class)
                .hasMessageContaining("a boolean is 0 or 1");
        int lastAmount = line.length - 3; // 8827: the input tokens' 2,500
        assertThatThrownBy(() -> rated(replace(line, lastAmount, hex("8A27")))).isInstanceOf(SerializationException.class)
                .hasMessageContaining("do not add up");
    }

    @Test
    void records_show_as_json_whatever_their_format() throws Exception {
        String typicalJson = new String(UsageSamples.resource("usage-event.json"), StandardCharsets.UTF_8);
        assertThat(Topics.valueAsText(EVENTS, UsageSamples.hexResource("usage-event.hex")))
                .as("a binary event shows as today's JSON of it, byte for byte").isEqualTo(typicalJson);
        assertThat(Topics.valueAsText(RATED, UsageSamples.hexResource("rated-usage.hex")))
                .isEqualTo(new String(UsageSamples.resource("rated-usage.json"), StandardCharsets.UTF_8));
        byte[] batch = Topics.USAGE_EVENT_BATCHES.valueSerde().serializer().serialize(EVENTS, new UsageBatch(List.of(TYPICAL_EVENT, BARE_EVENT)));
        assertThat(Topics.valueAsText(EVENTS, batch)).isEqualTo(new String(UsageSamples.resource("usage-events.json"), StandardCharsets.UTF_8));
        JsonNode ofOne = Json.mapper().readTree(Topics.valueAsText(RATED,
                Topics.USAGE_RATED_BATCHES.valueSerde().serializer().serialize(RATED, RatedBatch.of(LEGACY_LINE))));
        assertThat(ofOne.isArray()).as("a batch of one shows as an array").isTrue();
        assertThat(ofOne).hasSize(1);

        assertThat(Topics.valueAsText(EVENTS, UsageSamples.resource("usage-event.json"))).as("JSON unchanged").isEqualTo(typicalJson);
        assertThat(Topics.valueAsText(EVENTS, "{not json".getBytes(StandardCharsets.UTF_8))).isEqualTo("{not json");
        assertThat(Topics.valueAsText("customer.plans", "{\"plan\":\"x\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo("{\"plan\":\"x\"}");
        assertThat(Topics.valueAsText(EVENTS, null)).isNull();
        assertThatThrownBy(() -> Topics.valueAsText(EVENTS, hex("00FFFE"))).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> Topics.valueAsText("price.book", hex("7BC080"))).isInstanceOf(SerializationException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void json_that_cannot_be_read_is_still_an_error_naming_the_topic() {
        assertThatThrownBy(() -> events("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("usage.events");
        assertThatThrownBy(() -> ratedBatches("[{\"event\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("usage.rated");
    }

    private static void assertUnreadable(byte[] value, String because) {
        assertThatThrownBy(() -> eventBatches(value)).as(HexFormat.of().formatHex(value))
                .isInstanceOf(SerializationException.class).hasMessageContaining("usage.events").hasMessageContaining(because);
        assertThatThrownBy(() -> events(value)).isInstanceOf(SerializationException.class).hasMessageContaining(because);
    }

    private static UsageEvent events(byte[] value) {
        return Topics.USAGE_EVENTS.valueSerde().deserializer().deserialize(EVENTS, value);
    }

    private static UsageBatch eventBatches(byte[] value) {
        return Topics.USAGE_EVENT_BATCHES.valueSerde().deserializer().deserialize(EVENTS, value);
    }

    private static RatedUsage rated(byte[] value) {
        return Topics.USAGE_RATED.valueSerde().deserializer().deserialize(RATED, value);
    }

    private static RatedBatch ratedBatches(byte[] value) {
        return Topics.USAGE_RATED_BATCHES.valueSerde().deserializer().deserialize(RATED, value);
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] append(byte[] bytes, byte more) {
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        longer[bytes.length] = more;
        return longer;
    }

    /** {@code bytes} with {@code replacement} in place of as many bytes at {@code at}. */
    private static byte[] replace(byte[] bytes, int at, byte[] replacement) {
        byte[] copy = bytes.clone();
        System.arraycopy(replacement, 0, copy, at, replacement.length);
        return copy;
    }
}
