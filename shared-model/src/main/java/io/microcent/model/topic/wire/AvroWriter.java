package io.microcent.model.topic.wire;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Writes one framed binary record: the header, then the Avro binary encoding of the body, through Avro's
 * {@link BinaryEncoder}. One per thread ({@link #forThisThread}), so the encoder and its buffer are reused
 * from record to record; not for sharing between threads.
 */
final class AvroWriter {

    /** A buffer grown for a rare huge batch is not kept: the next record starts from a small one again. */
    private static final int KEPT_CAPACITY = 1 << 20;
    private static final ThreadLocal<AvroWriter> PER_THREAD = ThreadLocal.withInitial(AvroWriter::new);

    private final Bytes out = new Bytes();
    private BinaryEncoder encoder;

    static AvroWriter forThisThread() {
        return PER_THREAD.get();
    }

    @FunctionalInterface
    interface Body<T> {
        void write(AvroWriter out, T value) throws IOException;
    }

    /** The record {@code 0x00, format, body(value)}. */
    <T> byte[] record(WireFormat format, Body<T> body, T value) throws IOException {
        out.reset();
        out.write(WireFormat.MARKER);
        out.write(format.code());
        encoder = EncoderFactory.get().binaryEncoder(out, encoder);
        try {
            body.write(this, value);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            // the encoder still buffers the failed record's first bytes, which reusing it would flush into the next
            encoder = null;
            throw e;
        }
        return out.copyAndTrim();
    }

    void writeInt(int value) throws IOException {
        encoder.writeInt(value);
    }

    void writeLong(long value) throws IOException {
        encoder.writeLong(value);
    }

    void writeBoolean(boolean value) throws IOException {
        encoder.writeBoolean(value);
    }

    void writeString(String value) throws IOException {
        encoder.writeString(value);
    }

    /** A {@code ["null", "string"]} union. */
    void writeOptionalString(String value) throws IOException {
        if (value == null) {
            encoder.writeIndex(0);
        } else {
            encoder.writeIndex(1);
            encoder.writeString(value);
        }
    }

    /**
     * A {@code timestamp-nanos} long: nanoseconds since the epoch, Instant's own precision, so a record reads
     * back equal. It spans 1677-09-21 to 2262-04-11; an instant outside cannot be written (ArithmeticException).
     */
    void writeInstant(Instant instant) throws IOException {
        long seconds = instant.getEpochSecond();
        long nanos = instant.getNano();
        if (seconds < 0 && nanos > 0) { // so that the earliest instant of the range does not overflow on the way
            seconds++;
            nanos -= AvroReader.NANOS_PER_SECOND;
        }
        encoder.writeLong(Math.addExact(Math.multiplyExact(seconds, AvroReader.NANOS_PER_SECOND), nanos));
    }

    /** An Avro array: one block of all items, then the end. */
    <T> void writeList(List<T> items, Body<T> item) throws IOException {
        encoder.writeArrayStart();
        encoder.setItemCount(items.size());
        for (T value : items) {
            encoder.startItem();
            item.write(this, value);
        }
        encoder.writeArrayEnd();
    }

    /** An unsynchronized growable byte buffer (ByteArrayOutputStream locks on every write). */
    private static final class Bytes extends OutputStream {
        private byte[] buffer = new byte[512];
        private int size;

        void reset() {
            size = 0;
        }

        @Override
        public void write(int b) {
            ensure(1);
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            ensure(length);
            System.arraycopy(bytes, offset, buffer, size, length);
            size += length;
        }

        byte[] copyAndTrim() {
            byte[] copy = Arrays.copyOf(buffer, size);
            if (buffer.length > KEPT_CAPACITY) {
                buffer = new byte[512];
            }
            return copy;
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }
    }
}
