package io.microcent.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.security.SecureRandom;
import java.util.HexFormat;

/** A spend cap, as caps-service issues it: {@code cap_} followed by 24 hex digits. */
public record CapId(@JsonValue String raw) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public CapId {
        raw = IdRule.SLUG.check("capId", raw);
    }

    @JsonCreator
    public static CapId of(String raw) {
        return new CapId(raw);
    }

    public static CapId random() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return new CapId("cap_" + HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
        return raw;
    }
}
