package io.microcent.model.json;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8Test {

    @Test
    void well_formed_text_of_every_length_passes() {
        byte[] text = "{\"id\":\"a-é-项-😀\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.firstMalformedByte(text)).isEqualTo(-1);
        assertThat(Utf8.firstMalformedByte(new byte[0])).isEqualTo(-1);
        assertThat(Utf8.firstMalformedByte(bytes(0xF4, 0x8F, 0xBF, 0xBF))).as("U+10FFFF").isEqualTo(-1);
        assertThat(Utf8.firstMalformedByte(bytes(0xED, 0x9F, 0xBF))).as("U+D7FF").isEqualTo(-1);
    }

    @Test
    void overlong_forms_are_refused() {
        assertThat(Utf8.firstMalformedByte(bytes('x', 0xC0, 0x80))).as("NUL as C0 80").isEqualTo(1);
        assertThat(Utf8.firstMalformedByte(bytes('x', 0xC1, 0x81))).as("A as C1 81").isEqualTo(1);
        assertThat(Utf8.firstMalformedByte(bytes(0xE0, 0x80, 0x80))).isEqualTo(0);
        assertThat(Utf8.firstMalformedByte(bytes(0xF0, 0x80, 0x80, 0x80))).isEqualTo(0);
    }

    @Test
    void surrogates_values_beyond_unicode_and_broken_sequences_are_refused() {
        assertThat(Utf8.firstMalformedByte(bytes(0xED, 0xA0, 0x80))).as("U+D800").isEqualTo(0);
        assertThat(Utf8.firstMalformedByte(bytes(0xF4, 0x90, 0x80, 0x80))).as("U+110000").isEqualTo(0);
        assertThat(Utf8.firstMalformedByte(bytes(0xF5, 0x80, 0x80, 0x80))).isEqualTo(0);
        assertThat(Utf8.firstMalformedByte(bytes('a', 0x80))).as("lone continuation").isEqualTo(1);
        assertThat(Utf8.firstMalformedByte(bytes('a', 0xE2, 0x82))).as("truncated").isEqualTo(1);
        assertThat(Utf8.firstMalformedByte(bytes(0xE2, 0x28, 0xA1))).as("bad continuation").isEqualTo(0);
        assertThat(Utf8.firstMalformedByte(bytes(0xFF))).isEqualTo(0);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
