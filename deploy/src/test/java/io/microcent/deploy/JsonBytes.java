package io.microcent.deploy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * JSON written byte by byte, for requests a JSON library would refuse to write: lone surrogates as raw
 * UTF-8-like bytes, control characters unescaped, invalid UTF-8, duplicate keys. Every value is the exact
 * bytes that go on the wire.
 */
final class JsonBytes {

    private JsonBytes() {
    }

    /** A JSON string whose characters outside printable ASCII are written as {@code \\uXXXX} escapes. */
    static byte[] escapedString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return ascii(json.append('"').toString());
    }

    /**
     * A JSON string whose characters are written as they are, encoded one UTF-16 unit at a time: control
     * characters go unescaped and a lone surrogate becomes its three-byte form ({@code ED A0 80} for
     * U+D800), which is not valid UTF-8. Quotes and backslashes are still escaped.
     */
    static byte[] rawString(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.write('\\');
                out.write(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.writeBytes(text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else {
                out.writeBytes(threeByteForm(c));
            }
        }
        out.write('"');
        return out.toByteArray();
    }

    /** A JSON string with {@code bytes} spliced in between {@code before} and {@code after}, unchecked. */
    static byte[] stringWithBytes(String before, byte[] bytes, String after) {
        return concat(ascii("\"" + before), bytes, ascii(after + "\""));
    }

    static byte[] object(Map<String, byte[]> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('{');
        boolean first = true;
        for (var field : fields.entrySet()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            out.writeBytes(escapedString(field.getKey()));
            out.write(':');
            out.writeBytes(field.getValue());
        }
        out.write('}');
        return out.toByteArray();
    }

    static byte[] array(List<byte[]> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(values.get(i));
        }
        out.write(']');
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] threeByteForm(char c) {
        if (c < 0x80) {
            return new byte[]{(byte) c};
        }
        if (c < 0x800) {
            return new byte[]{(byte) (0xC0 | (c >> 6)), (byte) (0x80 | (c & 0x3F))};
        }
        return new byte[]{(byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))};
    }
}
