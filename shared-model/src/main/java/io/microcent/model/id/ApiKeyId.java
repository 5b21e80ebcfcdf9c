package io.microcent.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The public id of an API key (never its secret). Ids Microcent issues look like {@code key_3f9a…};
 * usage events may also carry a gateway's own key id, so any token-shaped id is accepted.
 */
public record ApiKeyId(@JsonValue String raw) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public ApiKeyId {
        raw = IdRule.TOKEN.check("apiKeyId", raw);
    }

    @JsonCreator
    public static ApiKeyId of(String raw) {
        return new ApiKeyId(raw);
    }

    public static ApiKeyId random() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return new ApiKeyId("key_" + HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
        return raw;
    }
}
