package io.microcent.caps.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver on 127.0.0.1: records every request and answers the scripted statuses in order,
 * then 200. It checks nothing itself; tests verify what it received.
 */
final class TestReceiver implements AutoCloseable {

    /** One request as it arrived. */
    record Received(String signature, String eventId, String contentType, String body) {
    }

    private final HttpServer server;
    private final Queue<Integer> scripted = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private TestReceiver(HttpServer server) {
        this.server = server;
    }

    static TestReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TestReceiver receiver = new TestReceiver(server);
            server.createContext("/hook", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers these statuses to the next requests, in order; 200 after them. */
    TestReceiver answering(int... statuses) {
        for (int status : statuses) {
            scripted.add(status);
        }
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst(WebhookSignature.HEADER), headers.getFirst(WebhookSignature.EVENT_ID_HEADER),
                    headers.getFirst("Content-Type"), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Integer status = scripted.poll();
            byte[] answer = (status == null || status < 300 ? "ok" : "receiver says no").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
