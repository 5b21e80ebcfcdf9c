package io.microcent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.microcent.model.json.Json;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A customer's webhook endpoint on 127.0.0.1: keeps every request it gets and answers 200. Signatures are
 * checked the way the caps README tells receivers to, written here from that description rather than
 * with caps' own code, so a wrong signature cannot pass because both sides share a mistake.
 */
final class WebhookReceiver implements AutoCloseable {

    static final Duration SIGNATURE_TOLERANCE = Duration.ofMinutes(5);

    /** One request as received: the two Microcent headers and the raw body. */
    record Delivery(String eventId, String signature, String body) {

        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the secret>}, t within 5 minutes of {@code now}. */
        boolean signedWith(String secret, Instant now) {
            if (signature == null) {
                return false;
            }
            String timestamp = null;
            List<String> signatures = new ArrayList<>();
            for (String part : signature.split(",")) {
                String[] pair = part.split("=", 2);
                if (pair.length == 2 && pair[0].strip().equals("t")) {
                    timestamp = pair[1].strip();
                } else if (pair.length == 2 && pair[0].strip().equals("v1")) {
                    signatures.add(pair[1].strip());
                }
            }
            if (timestamp == null || !timestamp.matches("\\d+")
                    || Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), now).abs().compareTo(SIGNATURE_TOLERANCE) > 0) {
                return false;
            }
            byte[] expected = HexFormat.of().formatHex(hmacSha256(secret, timestamp + "." + body)).getBytes(StandardCharsets.US_ASCII);
            return signatures.stream().anyMatch(v1 -> MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII)));
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/alerts", receiver::receive);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("Microcent-Event-Id"),
                    exchange.getRequestHeaders().getFirst("Microcent-Signature"), body));
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private static byte[] hmacSha256(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
