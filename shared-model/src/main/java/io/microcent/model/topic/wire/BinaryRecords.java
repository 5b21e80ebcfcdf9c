package io.microcent.model.topic.wire;

import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;

import java.io.IOException;
import java.util.List;

/**
 * The binary records of one usage topic: items of type {@code E}, one to a record or many. Each thread reuses
 * its own Avro encoder, decoder and buffers, so writing or reading a record allocates little beyond its result.
 */
public final class BinaryRecords<E> {

    /** {@code usage.events}: {@link WireFormat#USAGE_EVENT} and {@link WireFormat#USAGE_BATCH}. */
    public static final BinaryRecords<UsageEvent> USAGE_EVENTS = new BinaryRecords<>(WireFormat.USAGE_EVENT, WireFormat.USAGE_BATCH,
            UsageEventCodec::write, UsageEventCodec::read);

    /** {@code usage.rated}: {@link WireFormat#RATED_USAGE} and {@link WireFormat#RATED_BATCH}. */
    public static final BinaryRecords<RatedUsage> USAGE_RATED = new BinaryRecords<>(WireFormat.RATED_USAGE, WireFormat.RATED_BATCH,
            RatedUsageCodec::write, RatedUsageCodec::read);

    private final WireFormat single;
    private final WireFormat batch;
    private final AvroWriter.Body<E> writer;
    private final AvroReader.Body<E> reader;
    private final AvroWriter.Body<List<E>> listWriter;
    private final AvroReader.Body<List<E>> listReader;

    private BinaryRecords(WireFormat single, WireFormat batch, AvroWriter.Body<E> writer, AvroReader.Body<E> reader) {
        this.single = single;
        this.batch = batch;
        this.writer = writer;
        this.reader = reader;
        this.listWriter = (out, items) -> out.writeList(items, writer);
        this.listReader = in -> in.readList(reader);
    }

    /** A record of one item. */
    public byte[] writeOne(E item) throws IOException {
        return AvroWriter.forThisThread().record(single, writer, item);
    }

    /** A record of a batch: the items, in order. */
    public byte[] writeBatch(List<E> items) throws IOException {
        return AvroWriter.forThisThread().record(batch, listWriter, items);
    }

    /**
     * The items of a binary record of either format of this topic, in order; {@link IOException} when the
     * bytes are corrupt, {@link IllegalArgumentException} when the format is another topic's or unknown, or an
     * item breaks its contract's rules (a malformed id, charges that do not add up).
     */
    public List<E> read(byte[] record) throws IOException {
        WireFormat format = WireFormat.of(record);
        AvroReader in = AvroReader.forThisThread();
        if (format == single) {
            return List.of(in.record(record, reader));
        }
        if (format == batch) {
            return in.record(record, listReader);
        }
        throw new IllegalArgumentException("the record holds " + format + ", not " + single + " or " + batch);
    }

    /** Whether a binary record of this topic holds a batch (an array) rather than one item. */
    public boolean isBatch(byte[] record) {
        return WireFormat.of(record).isBatch();
    }
}
