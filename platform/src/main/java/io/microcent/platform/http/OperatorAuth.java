package io.microcent.platform.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.microcent.model.error.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * Guards operator endpoints with the operator bearer token ({@code MICROCENT_ADMIN_TOKEN}) and, when one is
 * set, a read-only viewer token ({@code MICROCENT_VIEWER_TOKEN}) that may read everything an operator reads
 * and change nothing. Read-only is decided here, by method, for every operator route at once: a route that
 * only reads is a GET, so no route can forget to refuse the viewer.
 */
public final class OperatorAuth {

    /** What a token lets its holder do. */
    public enum Role {
        OPERATOR, VIEWER;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final byte[] token;
    private final Optional<byte[]> viewerToken;

    public OperatorAuth(String token) {
        this(token, Optional.empty());
    }

    public OperatorAuth(String token, Optional<String> viewerToken) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the operator token must not be blank");
        }
        if (viewerToken.isPresent() && (viewerToken.get().isBlank() || viewerToken.get().equals(token))) {
            throw new IllegalArgumentException("the viewer token must not be blank nor the operator token");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.viewerToken = viewerToken.map(v -> v.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Throws 401 unless the request carries the operator token, or the viewer token on a request that only
     * reads; 403 for the viewer token on a request that would change something.
     */
    public void require(Context ctx) {
        String presented = bearerToken(ctx).orElseThrow(() ->
                new ApiException(ErrorCode.UNAUTHENTICATED, "send the operator token as 'Authorization: Bearer <token>'"));
        Role role = roleOf(presented).orElseThrow(() ->
                new ApiException(ErrorCode.UNAUTHENTICATED, "the operator token is not valid"));
        if (role == Role.VIEWER && !readsOnly(ctx.method())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "the viewer token is read-only; " + ctx.method() + " needs the operator token");
        }
    }

    /** Whether {@code presented} is the operator token, for routes that also accept other credentials. */
    public boolean accepts(String presented) {
        // constant time, so the token cannot be guessed byte by byte from response times
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token);
    }

    /** The role {@code presented} has, if it is one of the two tokens. */
    public Optional<Role> roleOf(String presented) {
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        if (MessageDigest.isEqual(bytes, token)) {
            return Optional.of(Role.OPERATOR);
        }
        return viewerToken.filter(viewer -> MessageDigest.isEqual(bytes, viewer)).map(viewer -> Role.VIEWER);
    }

    private static boolean readsOnly(HandlerType method) {
        return method == HandlerType.GET || method == HandlerType.HEAD;
    }

    /**
     * {@code GET /v1/whoami}: which role the presented token has, so a client such as the console can tell an
     * operator from a viewer without trying a change.
     */
    public HttpRoutes routes() {
        return HttpRoutes.documented("openapi/platform-auth.json", config -> config.get("/v1/whoami", ctx -> {
            require(ctx);
            Role role = roleOf(bearerToken(ctx).orElseThrow()).orElseThrow();
            ctx.json(Map.of("role", role.wireName()));
        }));
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
