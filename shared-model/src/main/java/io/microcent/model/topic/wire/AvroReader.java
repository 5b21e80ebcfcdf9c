package io.microcent.model.topic.wire;

import io.microcent.model.json.Utf8;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Avro binary body of one framed record through Avro's {@link BinaryDecoder}, strictly: text must
 * be well-formed UTF-8 (Avro would replace malformed bytes silently, and {@code "x\uFFFD"} is another id), a
 * boolean is 0 or 1, a union branch exists, no length exceeds the record and nothing follows the body. A
 * record that breaks any of these is corrupt, and fails with an {@link IOException}. One per thread
 * ({@link #forThisThread}), reusing its decoder and text buffer; not for sharing between threads.
 */
final class AvroReader {

    static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final ThreadLocal<AvroReader> PER_THREAD = ThreadLocal.withInitial(AvroReader::new);

    private BinaryDecoder decoder;
    private byte[] text = new byte[128];
    private final byte[] oneByte = new byte[1];
    private int bodyLength;

    static AvroReader forThisThread() {
        return PER_THREAD.get();
    }

    @FunctionalInterface
    interface Body<T> {
        T read(AvroReader in) throws IOException;
    }

    /** The body after the header of {@code record}, read whole. */
    <T> T record(byte[] record, Body<T> body) throws IOException {
        bodyLength = record.length - WireFormat.HEADER_LENGTH;
        decoder = DecoderFactory.get().binaryDecoder(record, WireFormat.HEADER_LENGTH, bodyLength, decoder);
        T value = body.read(this);
        if (!decoder.isEnd()) {
            throw new IOException("bytes follow the end of the record");
        }
        return value;
    }

    int readInt() throws IOException {
        return decoder.readInt();
    }

    long readLong() throws IOException {
        return decoder.readLong();
    }

    boolean readBoolean() throws IOException {
        decoder.readFixed(oneByte, 0, 1);
        return switch (oneByte[0]) {
            case 0 -> false;
            case 1 -> true;
            default -> throw new IOException("a boolean is 0 or 1, got " + oneByte[0]);
        };
    }

    String readString() throws IOException {
        long length = decoder.readLong();
        if (length < 0 || length > bodyLength) {
            throw new IOException("a string of " + length + " bytes in a record body of " + bodyLength);
        }
        int n = (int) length;
        if (text.length < n) {
            text = new byte[Math.max(n, text.length * 2)];
        }
        decoder.readFixed(text, 0, n);
        int malformed = Utf8.firstMalformedByte(text, 0, n);
        if (malformed >= 0) {
            throw new IOException("a string is not well-formed UTF-8 at its byte " + malformed);
        }
        return new String(text, 0, n, StandardCharsets.UTF_8);
    }

    /** A {@code ["null", "string"]} union. */
    String readOptionalString() throws IOException {
        int branch = decoder.readIndex();
        return switch (branch) {
            case 0 -> null;
            case 1 -> readString();
            default -> throw new IOException("a [null, string] union has no branch " + branch);
        };
    }

    /** A {@code timestamp-nanos} long (see {@link AvroWriter#writeInstant}). */
    Instant readInstant() throws IOException {
        long nanos = decoder.readLong();
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    /** An Avro array in any number of blocks (other writers block long arrays, with or without sizes). */
    <T> List<T> readList(Body<T> item) throws IOException {
        long count = decoder.readArrayStart();
        if (count == 0) {
            return List.of();
        }
        // the count is not trusted for the allocation: each item takes at least a byte of the body
        List<T> items = new ArrayList<>((int) Math.min(count, Math.min(bodyLength, 64)));
        while (count > 0) {
            for (long i = 0; i < count; i++) {
                items.add(item.read(this));
            }
            count = decoder.arrayNext();
        }
        return items;
    }
}
