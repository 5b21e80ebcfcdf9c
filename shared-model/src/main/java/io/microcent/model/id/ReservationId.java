package io.microcent.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A spend reservation made by caps' {@code /v1/authorize}: {@code rsv_} followed by 24 hex digits. The
 * caller sends it back on the usage event of the call, which settles the reservation once rated.
 */
public record ReservationId(@JsonValue String raw) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public ReservationId {
        raw = IdRule.SLUG.check("reservationId", raw);
    }

    @JsonCreator
    public static ReservationId of(String raw) {
        return new ReservationId(raw);
    }

    public static ReservationId random() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return new ReservationId("rsv_" + HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
        return raw;
    }
}
