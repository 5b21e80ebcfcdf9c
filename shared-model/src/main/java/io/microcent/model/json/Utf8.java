package io.microcent.model.json;

/**
 * Strict UTF-8, checked before a request body is parsed. Jackson decodes some malformed UTF-8 without
 * complaint: overlong forms ({@code C0 80} becomes NUL, {@code C1 81} becomes {@code A}) and sequences beyond
 * {@code U+10FFFF}. Then {@code "x\xC1\x81"} would be the id {@code "xA"} — a different event dropped as its
 * duplicate — so bodies must be well-formed UTF-8 as the Unicode standard defines it (Table 3-7), and are
 * refused otherwise.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** The index of the first byte that is not part of a well-formed UTF-8 sequence, or {@code -1} when all are. */
    public static int firstMalformedByte(byte[] bytes) {
        return firstMalformedByte(bytes, 0, bytes.length);
    }

    /** The same for {@code bytes[from, to)}: the index (in {@code bytes}) of the first malformed byte, or {@code -1}. */
    public static int firstMalformedByte(byte[] bytes, int from, int to) {
        int i = from;
        int n = to;
        while (i < n) {
            int b = bytes[i];
            if (b >= 0) { // ASCII, nearly every byte of a JSON body
                i++;
                continue;
            }
            int lead = b & 0xFF;
            int length;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                length = 2;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                length = 3;
                if (lead == 0xE0) {
                    secondMin = 0xA0; // below: overlong
                } else if (lead == 0xED) {
                    secondMax = 0x9F; // above: a surrogate (U+D800-U+DFFF)
                }
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                length = 4;
                if (lead == 0xF0) {
                    secondMin = 0x90; // below: overlong
                } else if (lead == 0xF4) {
                    secondMax = 0x8F; // above: beyond U+10FFFF
                }
            } else {
                return i; // a continuation byte without a lead, C0/C1 (always overlong) or F5-FF
            }
            if (i + length > n) {
                return i;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < secondMin || second > secondMax) {
                return i;
            }
            for (int k = 2; k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }
}
