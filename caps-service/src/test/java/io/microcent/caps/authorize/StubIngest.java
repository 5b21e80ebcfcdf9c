package io.microcent.caps.authorize;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for ingest-service's {@code GET /v1/api-keys/current} on 127.0.0.1: answers 200 with the key
 * registered for the presented secret, the answer forced by {@link #answering}, or 401. Records the
 * {@code Authorization} header of every request.
 */
public final class StubIngest implements AutoCloseable {

    private record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, String> keysBySecret = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile Answer forced;

    private StubIngest(HttpServer server) {
        this.server = server;
    }

    public static StubIngest start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            StubIngest ingest = new StubIngest(server);
            server.createContext(IngestKeysOverHttp.CURRENT_KEY_PATH, ingest::handle);
            server.start();
            return ingest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param keyJson the key as ingest shows it, e.g. {@code {"id":"key_1","name":"gw","customer":"acme"}} */
    public StubIngest withKey(String secret, String keyJson) {
        keysBySecret.put(secret, keyJson);
        return this;
    }

    /** Answers every request so from now on, whatever its secret. */
    public StubIngest answering(int status, String body) {
        forced = new Answer(status, body);
        return this;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The {@code Authorization} header of every request so far, in order. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization);
            Answer answer = forced != null ? forced : answerFor(authorization);
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private Answer answerFor(String authorization) {
        String secret = authorization == null ? "" : authorization.substring("Bearer ".length());
        String key = keysBySecret.get(secret);
        return key != null ? new Answer(200, key) : new Answer(401, "{\"code\":\"unauthenticated\"}");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
