package io.microcent.model.topic.wire;

/**
 * What a binary record of a usage topic holds, named by its second byte. Every binary record starts with
 * {@link #MARKER}, a byte no JSON document starts with, so a reader tells the two apart by the first byte and
 * reads the records JSON producers wrote before as it always did.
 *
 * <p>A format byte stands for one revision of one Avro schema ({@code src/main/resources/avro}), fixed
 * forever: a new revision appends fields with defaults and takes new format bytes; readers keep reading
 * every older one.
 */
public enum WireFormat {
    /** One {@code UsageEvent}, revision 1. */
    USAGE_EVENT(0x01, false),
    /** A {@code UsageBatch}: an array of revision 1 {@code UsageEvent}s. */
    USAGE_BATCH(0x02, true),
    /** One {@code RatedUsage}, revision 1. */
    RATED_USAGE(0x03, false),
    /** A {@code RatedBatch}: an array of revision 1 {@code RatedUsage}s. */
    RATED_BATCH(0x04, true);

    /** The first byte of every binary record. */
    public static final byte MARKER = 0x00;
    /** The marker and the format byte, before the Avro body. */
    public static final int HEADER_LENGTH = 2;

    private final byte code;
    private final boolean batch;

    WireFormat(int code, boolean batch) {
        this.code = (byte) code;
        this.batch = batch;
    }

    public byte code() {
        return code;
    }

    /** Whether the body is an array of items rather than one. */
    public boolean isBatch() {
        return batch;
    }

    /** Whether {@code value} is a binary record (of any format, known or not) rather than JSON. */
    public static boolean isBinary(byte[] value) {
        return value.length > 0 && value[0] == MARKER;
    }

    /** The format of a binary record; throws {@link IllegalArgumentException} when it names none. */
    public static WireFormat of(byte[] value) {
        if (!isBinary(value) || value.length < HEADER_LENGTH) {
            throw new IllegalArgumentException("a binary record starts with 0x00 and a format byte");
        }
        for (WireFormat format : values()) {
            if (format.code == value[1]) {
                return format;
            }
        }
        throw new IllegalArgumentException(String.format("unknown binary format 0x%02X (written by a newer version?)", value[1] & 0xFF));
    }
}
