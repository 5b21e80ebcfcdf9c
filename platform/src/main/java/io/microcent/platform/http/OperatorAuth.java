package io.microcent.platform.http;

import io.javalin.http.Context;
import io.microcent.model.error.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Guards operator endpoints with the operator bearer token ({@code MICROCENT_ADMIN_TOKEN}). */
public final class OperatorAuth {

    private final byte[] token;

    public OperatorAuth(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the operator token must not be blank");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** Throws 401 unless the request carries the operator token. */
    public void require(Context ctx) {
        String presented = bearerToken(ctx).orElseThrow(() ->
                new ApiException(ErrorCode.UNAUTHENTICATED, "send the operator token as 'Authorization: Bearer <token>'"));
        if (!accepts(presented)) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "the operator token is not valid");
        }
    }

    /** Whether {@code presented} is the operator token, for routes that also accept other credentials. */
    public boolean accepts(String presented) {
        // constant time, so the token cannot be guessed byte by byte from response times
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token);
    }

    /** The token of an {@code Authorization: Bearer …} header, if any. */
    public static Optional<String> bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String value = header.substring(7).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
