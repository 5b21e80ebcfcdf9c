package io.microcent.model.topic.wire;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static io.microcent.model.topic.wire.UsageSamples.TYPICAL_EVENT;
import static io.microcent.model.topic.wire.UsageSamples.TYPICAL_LINE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The binary contract pinned byte for byte: a change to the codecs that moves a byte of a typical event or line
 * fails here, because records already on the log were written so (a new revision takes new format bytes).
 */
class GoldenRecordsTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void a_typical_event_is_written_as_its_pinned_bytes_and_they_read_back_as_the_event() throws Exception {
        byte[] golden = UsageSamples.hexResource("usage-event.hex");
        assertThat(HEX.formatHex(BinaryRecords.USAGE_EVENTS.writeOne(TYPICAL_EVENT))).isEqualTo(HEX.formatHex(golden));
        assertThat(BinaryRecords.USAGE_EVENTS.read(golden)).containsExactly(TYPICAL_EVENT);
    }

    @Test
    void a_typical_rated_line_is_written_as_its_pinned_bytes_and_they_read_back_as_the_line() throws Exception {
        byte[] golden = UsageSamples.hexResource("rated-usage.hex");
        assertThat(HEX.formatHex(BinaryRecords.USAGE_RATED.writeOne(TYPICAL_LINE))).isEqualTo(HEX.formatHex(golden));
        assertThat(BinaryRecords.USAGE_RATED.read(golden)).containsExactly(TYPICAL_LINE);
    }

    @Test
    void a_batch_is_its_format_byte_then_the_items_bodies_as_one_avro_array() throws Exception {
        byte[] line = UsageSamples.hexResource("rated-usage.hex");
        String body = HEX.formatHex(line).substring(4);
        // 00 04, a block of 2 (zig-zag 4), both bodies, end of array
        String expected = "0004" + "04" + body + body + "00";
        assertThat(HEX.formatHex(BinaryRecords.USAGE_RATED.writeBatch(List.of(TYPICAL_LINE, TYPICAL_LINE)))).isEqualTo(expected);
    }

    @Test
    void every_binary_record_starts_with_the_marker_no_json_document_starts_with() throws Exception {
        assertThat(BinaryRecords.USAGE_EVENTS.writeOne(TYPICAL_EVENT)).startsWith(0x00, 0x01);
        assertThat(BinaryRecords.USAGE_EVENTS.writeBatch(List.of(TYPICAL_EVENT))).startsWith(0x00, 0x02);
        assertThat(BinaryRecords.USAGE_RATED.writeOne(TYPICAL_LINE)).startsWith(0x00, 0x03);
        assertThat(BinaryRecords.USAGE_RATED.writeBatch(List.of(TYPICAL_LINE))).startsWith(0x00, 0x04);
    }
}
