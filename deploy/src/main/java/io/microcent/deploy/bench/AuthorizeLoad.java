package io.microcent.deploy.bench;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code POST /v1/authorize} at a fixed arrival rate (open loop: requests are sent on schedule whether or
 * not earlier ones answered, so a slow server shows up as latency instead of a lower rate). Latency is
 * measured from each request's scheduled send time, which also counts time queued in the client. At most
 * {@value #MAX_IN_FLIGHT} requests are open at once (each holds a connection); beyond that a request waits for
 * a free slot, and that wait is part of its measured latency.
 */
final class AuthorizeLoad {

    record Result(int sent, int failed, Histogram latencyMicros, Duration elapsed) {
    }

    static final int MAX_IN_FLIGHT = 256;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;
    private final String ingestSecret;

    AuthorizeLoad(int port, String ingestSecret) {
        this.uri = URI.create("http://127.0.0.1:" + port + "/v1/authorize");
        this.ingestSecret = ingestSecret;
    }

    /**
     * {@code requests} authorizations for one customer from {@code connections} clients, each sending its next
     * request when the last one answered (closed loop): the rate the server sustains, for comparing decisions
     * with few and with many open reservations.
     */
    Result closedLoop(String customer, int requests, int connections) {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            clients.add(Thread.ofVirtual().start(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request(customer, i), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    synchronized (latency) {
                        latency.recordValue(Math.min((System.nanoTime() - sent) / 1_000, latency.getHighestTrackableValue()));
                    }
                }
            }));
        }
        for (Thread client : clients) {
            try {
                client.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new Result(requests, failed.get(), latency, Duration.ofNanos(System.nanoTime() - start));
    }

    Result run(int perSecond, Duration duration, int customers) {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        Semaphore slots = new Semaphore(MAX_IN_FLIGHT);
        int total = (int) (perSecond * duration.toSeconds());
        long intervalNanos = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * intervalNanos;
            LockSupport.parkNanos(scheduled - System.nanoTime());
            slots.acquireUninterruptibly();
            inFlight.add(http.sendAsync(request("bench-" + (i % customers), i), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                slots.release();
                long micros = (System.nanoTime() - scheduled) / 1_000;
                synchronized (latency) {
                    latency.recordValue(Math.min(micros, latency.getHighestTrackableValue()));
                }
                if (error != null || response.statusCode() != 200) {
                    failed.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        return new Result(total, failed.get(), latency, Duration.ofNanos(System.nanoTime() - start));
    }

    /** An authorization that reserves the worst case of a gpt-4o call with 800 input and up to 200 output tokens. */
    private HttpRequest request(String customer, int i) {
        String body = "{\"customer\":\"" + customer + "\",\"project\":\"p" + (i % 7)
                + "\",\"model\":\"gpt-4o\",\"estimatedInputTokens\":800,\"maxOutputTokens\":200}";
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ingestSecret).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
