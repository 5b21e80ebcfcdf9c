package io.microcent.deploy.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import io.microcent.model.usage.UsageEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/** Sends pre-built batches of usage events to {@code POST /v1/events} with a fixed number in flight. */
final class LoadGenerator {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI eventsUri;
    private final String ingestSecret;

    LoadGenerator(int port, String ingestSecret) {
        this.eventsUri = URI.create("http://127.0.0.1:" + port + "/v1/events");
        this.ingestSecret = ingestSecret;
    }

    /** Request bodies built before the clock starts, so JSON building is not measured as ingest. */
    static List<byte[]> buildBodies(List<UsageEvent> events, int batchSize) {
        List<byte[]> bodies = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            UsageEvent e = events.get(i);
            body.append(body.isEmpty() ? "[" : ",")
                    .append("{\"id\":\"").append(e.id()).append("\",\"customer\":\"").append(e.customer())
                    .append("\",\"timestamp\":\"").append(e.timestamp()).append("\",\"project\":\"").append(e.project())
                    .append("\",\"user\":\"").append(e.user()).append("\",\"provider\":\"").append(e.provider())
                    .append("\",\"model\":\"").append(e.model()).append("\",\"inputTokens\":").append(e.inputTokens())
                    .append(",\"outputTokens\":").append(e.outputTokens()).append('}');
            if ((i + 1) % batchSize == 0 || i == events.size() - 1) {
                bodies.add(body.append(']').toString().getBytes(StandardCharsets.UTF_8));
                body.setLength(0);
            }
        }
        return bodies;
    }

    /** Sends every body; returns how many were refused (anything but 202). */
    int sendAll(List<byte[]> bodies, int concurrency) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (byte[] body : bodies) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(eventsUri)
                    .header("Authorization", "Bearer " + ingestSecret)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                inFlight.release();
                if (error != null || response.statusCode() != 202) {
                    if (refused.incrementAndGet() <= 3) {
                        System.err.println("refused: " + (error != null ? error : response.statusCode() + " " + response.body()));
                    }
                }
            }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        return refused.get();
    }
}
