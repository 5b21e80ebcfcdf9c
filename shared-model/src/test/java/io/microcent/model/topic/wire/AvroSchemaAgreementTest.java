package io.microcent.model.topic.wire;

import io.microcent.model.usage.ChargeAmount;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.Tag;
import io.microcent.model.usage.UsageEvent;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import static io.microcent.model.topic.wire.UsageSamples.BARE_EVENT;
import static io.microcent.model.topic.wire.UsageSamples.LEGACY_LINE;
import static io.microcent.model.topic.wire.UsageSamples.TYPICAL_EVENT;
import static io.microcent.model.topic.wire.UsageSamples.TYPICAL_LINE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written codecs and the published {@code .avsc} schemas say the same thing: Avro's own generic reader
 * reads our bodies into the expected values, Avro's generic writer writes the very bytes we write, and we read
 * what Avro writes in blocks (other Avro writers' arrays), so any Avro client can read and write these topics.
 */
class AvroSchemaAgreementTest {

    private static final Schema.Parser PARSER = new Schema.Parser();
    // parsed in dependency order: a schema may name the ones parsed before it
    static final Schema USAGE_EVENT = parse("UsageEvent.avsc");
    static final Schema RATED_USAGE = parse("RatedUsage.avsc");
    static final Schema USAGE_BATCH = parse("UsageBatch.avsc");
    static final Schema RATED_BATCH = parse("RatedBatch.avsc");

    @Test
    void avros_generic_reader_reads_our_records_field_by_field() throws IOException {
        for (UsageEvent event : List.of(TYPICAL_EVENT, BARE_EVENT)) {
            GenericRecord read = readGeneric(USAGE_EVENT, BinaryRecords.USAGE_EVENTS.writeOne(event));
            assertThat(read.get("id")).hasToString(event.id().raw());
            assertThat(read.get("timestamp")).isEqualTo(nanos(event.timestamp()));
            assertThat(read.get("tags")).asList().map(String::valueOf).containsExactlyElementsOf(event.tags().stream().map(Tag::raw).toList());
            assertThat(read.get("project") == null ? null : read.get("project").toString())
                    .isEqualTo(event.project() == null ? null : event.project().raw());
            assertThat(read).isEqualTo(generic(event));
        }
        for (RatedUsage line : List.of(TYPICAL_LINE, LEGACY_LINE)) {
            GenericRecord read = readGeneric(RATED_USAGE, BinaryRecords.USAGE_RATED.writeOne(line));
            assertThat(read.get("chargeMicrocents")).isEqualTo(line.chargeMicrocents().value());
            assertThat(read.get("unpriced")).isEqualTo(line.unpriced());
            assertThat(read).isEqualTo(generic(line));
        }
        GenericRecord batch = readGeneric(RATED_BATCH, BinaryRecords.USAGE_RATED.writeBatch(List.of(TYPICAL_LINE, LEGACY_LINE)));
        assertThat(batch).isEqualTo(batch(RATED_BATCH, "lines", List.of(TYPICAL_LINE, LEGACY_LINE), AvroSchemaAgreementTest::generic));
    }

    @Test
    void avros_generic_writer_writes_exactly_our_bytes() throws IOException {
        for (UsageEvent event : List.of(TYPICAL_EVENT, BARE_EVENT)) {
            assertThat(writeGeneric(USAGE_EVENT, generic(event), false)).isEqualTo(body(BinaryRecords.USAGE_EVENTS.writeOne(event)));
        }
        for (RatedUsage line : List.of(TYPICAL_LINE, LEGACY_LINE)) {
            assertThat(writeGeneric(RATED_USAGE, generic(line), false)).isEqualTo(body(BinaryRecords.USAGE_RATED.writeOne(line)));
        }
        List<UsageEvent> events = List.of(TYPICAL_EVENT, BARE_EVENT, TYPICAL_EVENT);
        assertThat(writeGeneric(USAGE_BATCH, batch(USAGE_BATCH, "events", events, AvroSchemaAgreementTest::generic), false))
                .isEqualTo(body(BinaryRecords.USAGE_EVENTS.writeBatch(events)));
    }

    @Test
    void we_read_arrays_that_avro_writes_in_sized_blocks() throws Exception {
        List<UsageEvent> events = Collections.nCopies(200, TYPICAL_EVENT);
        byte[] blocked = writeGeneric(USAGE_BATCH, batch(USAGE_BATCH, "events", events, AvroSchemaAgreementTest::generic), true);
        assertThat(blocked).as("blocked differently from ours").isNotEqualTo(body(BinaryRecords.USAGE_EVENTS.writeBatch(events)));
        assertThat(BinaryRecords.USAGE_EVENTS.read(framed(WireFormat.USAGE_BATCH, blocked))).containsExactlyElementsOf(events);

        List<RatedUsage> lines = Collections.nCopies(100, TYPICAL_LINE);
        byte[] blockedLines = writeGeneric(RATED_BATCH, batch(RATED_BATCH, "lines", lines, AvroSchemaAgreementTest::generic), true);
        assertThat(BinaryRecords.USAGE_RATED.read(framed(WireFormat.RATED_BATCH, blockedLines))).containsExactlyElementsOf(lines);
    }

    @Test
    void the_schemas_name_every_field_of_the_records_in_order() {
        // a field added to a record without a new schema revision (and codec) fails here
        assertThat(fieldNames(USAGE_EVENT)).containsExactlyElementsOf(componentNames(UsageEvent.class));
        assertThat(fieldNames(RATED_USAGE)).containsExactlyElementsOf(componentNames(RatedUsage.class));
        assertThat(fieldNames(RATED_USAGE.getField("charges").schema().getElementType()))
                .containsExactlyElementsOf(componentNames(ChargeAmount.class));
    }

    @Test
    void money_and_counts_are_longs_never_floating_point() {
        for (Schema schema : List.of(USAGE_EVENT, RATED_USAGE, RATED_USAGE.getField("charges").schema().getElementType())) {
            for (Schema.Field field : schema.getFields()) {
                assertThat(field.schema().getType()).as(field.name()).isNotIn(Schema.Type.FLOAT, Schema.Type.DOUBLE);
                if (field.name().endsWith("Microcents") || field.name().endsWith("Tokens") || field.name().endsWith("Requests")) {
                    assertThat(field.schema().getType()).as(field.name()).isEqualTo(Schema.Type.LONG);
                }
            }
        }
        assertThat(USAGE_EVENT.getField("timestamp").schema().getLogicalType().getName()).isEqualTo("timestamp-nanos");
    }

    static GenericRecord generic(UsageEvent event) {
        GenericData.Record record = new GenericData.Record(USAGE_EVENT);
        record.put("schemaVersion", event.schemaVersion());
        record.put("id", event.id().raw());
        record.put("customer", event.customer().raw());
        record.put("timestamp", nanos(event.timestamp()));
        record.put("ingestedAt", nanos(event.ingestedAt()));
        record.put("project", event.project() == null ? null : event.project().raw());
        record.put("costCenter", event.costCenter() == null ? null : event.costCenter().raw());
        record.put("apiKeyId", event.apiKeyId() == null ? null : event.apiKeyId().raw());
        record.put("user", event.user() == null ? null : event.user().raw());
        record.put("team", event.team() == null ? null : event.team().raw());
        record.put("provider", event.provider());
        record.put("model", event.model() == null ? null : event.model().raw());
        record.put("requests", event.requests());
        record.put("inputTokens", event.inputTokens());
        record.put("outputTokens", event.outputTokens());
        record.put("cacheReadTokens", event.cacheReadTokens());
        record.put("cacheWriteTokens", event.cacheWriteTokens());
        record.put("reservationId", event.reservationId() == null ? null : event.reservationId().raw());
        record.put("tags", new GenericData.Array<>(USAGE_EVENT.getField("tags").schema(), event.tags().stream().map(Tag::raw).toList()));
        return record;
    }

    static GenericRecord generic(RatedUsage line) {
        GenericData.Record record = new GenericData.Record(RATED_USAGE);
        record.put("event", generic(line.event()));
        record.put("period", (line.period().month().getYear() - 1970) * 12 + line.period().month().getMonthValue() - 1);
        record.put("plan", line.plan().raw());
        record.put("includedRequests", line.includedRequests());
        record.put("overageRequests", line.overageRequests());
        record.put("costMicrocents", line.costMicrocents().value());
        record.put("chargeMicrocents", line.chargeMicrocents().value());
        record.put("unpriced", line.unpriced());
        record.put("adjustment", line.adjustment());
        record.put("correction", line.correction());
        Schema charges = RATED_USAGE.getField("charges").schema();
        record.put("charges", new GenericData.Array<>(charges, line.charges().stream().map(charge -> {
            GenericData.Record c = new GenericData.Record(charges.getElementType());
            c.put("charge", charge.charge());
            c.put("quantity", charge.quantity());
            c.put("chargeMicrocents", charge.chargeMicrocents().value());
            return (Object) c;
        }).toList()));
        return record;
    }

    private static <T> GenericRecord batch(Schema schema, String field, List<T> items, Function<T, GenericRecord> generic) {
        GenericData.Record record = new GenericData.Record(schema);
        record.put(field, new GenericData.Array<>(schema.getField(field).schema(), items.stream().map(generic).toList()));
        return record;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static GenericRecord readGeneric(Schema schema, byte[] record) throws IOException {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(record, 2, record.length - 2, null);
        GenericRecord read = new GenericDatumReader<GenericRecord>(schema).read(null, decoder);
        assertThat(decoder.isEnd()).as("the generic reader used the whole body").isTrue();
        return read;
    }

    private static byte[] writeGeneric(Schema schema, GenericRecord record, boolean blocking) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Encoder encoder = blocking
                ? new EncoderFactory().configureBlockSize(64).blockingBinaryEncoder(out, null)
                : EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static byte[] body(byte[] record) {
        return Arrays.copyOfRange(record, WireFormat.HEADER_LENGTH, record.length);
    }

    static byte[] framed(WireFormat format, byte[] body) {
        byte[] record = new byte[body.length + WireFormat.HEADER_LENGTH];
        record[0] = WireFormat.MARKER;
        record[1] = format.code();
        System.arraycopy(body, 0, record, WireFormat.HEADER_LENGTH, body.length);
        return record;
    }

    private static List<String> fieldNames(Schema schema) {
        return schema.getFields().stream().map(Schema.Field::name).toList();
    }

    private static List<String> componentNames(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();
    }

    private static Schema parse(String name) {
        try (InputStream in = AvroSchemaAgreementTest.class.getResourceAsStream("/avro/" + name)) {
            return PARSER.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
