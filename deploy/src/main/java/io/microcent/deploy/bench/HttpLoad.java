package io.microcent.deploy.bench;

import org.HdrHistogram.Histogram;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * Sends numbered requests and measures them, closed loop (a fixed number in flight: the rate the server
 * sustains) or open loop (on a fixed schedule, whether or not earlier ones answered: a slow server shows up as
 * latency instead of a lower rate).
 */
final class HttpLoad {

    /**
     * What to send: request {@code i} of {@code count}, the status that means it was taken, and its weight (the
     * events it carries).
     */
    record Workload(int count, IntFunction<HttpRequest> request, int okStatus, IntUnaryOperator weight) {
    }

    /**
     * Open requests at most, in the open loop (each holds a connection); beyond that a request waits for a free
     * slot, and the wait is part of its measured latency.
     */
    static final int MAX_IN_FLIGHT = 256;

    private static final int REPORTED_FAILURES = 3;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code concurrency} requests in flight, each sent when one answered; latency from each request's send. */
    LoadFigures closedLoop(Workload work, int concurrency) {
        return run(work, concurrency, 0);
    }

    /**
     * One request every {@code intervalNanos}; latency from each request's scheduled send time, which counts
     * the time it waited in the client for its turn or for a connection (no coordinated omission).
     */
    LoadFigures openLoop(Workload work, long intervalNanos) {
        return run(work, MAX_IN_FLIGHT, intervalNanos);
    }

    private LoadFigures run(Workload work, int maxInFlight, long intervalNanos) {
        Histogram latency = Percentiles.histogram();
        Semaphore slots = new Semaphore(maxInFlight);
        AtomicInteger failed = new AtomicInteger();
        AtomicLong events = new AtomicLong();
        CompletableFuture<?>[] sent = new CompletableFuture<?>[work.count()];
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        for (int i = 0; i < work.count(); i++) {
            // built before its turn, so that building it is not measured (the open loop builds in its slack)
            HttpRequest request = work.request().apply(i);
            long scheduled;
            if (intervalNanos > 0) {
                scheduled = start + i * intervalNanos;
                LockSupport.parkNanos(scheduled - System.nanoTime());
                slots.acquireUninterruptibly();
            } else {
                slots.acquireUninterruptibly();
                scheduled = System.nanoTime();
            }
            int weight = work.weight().applyAsInt(i);
            sent[i] = http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                long micros = (System.nanoTime() - scheduled) / 1_000;
                slots.release();
                synchronized (latency) {
                    Percentiles.record(latency, micros);
                }
                if (error == null && response.statusCode() == work.okStatus()) {
                    events.addAndGet(weight);
                } else if (failed.incrementAndGet() <= REPORTED_FAILURES) {
                    System.err.println("load client: request failed: " + (error != null ? error
                            : response.statusCode() + " " + response.body()));
                }
            });
        }
        CompletableFuture.allOf(sent).exceptionally(error -> null).join();
        long elapsed = System.nanoTime() - start;
        return new LoadFigures(work.count(), failed.get(), events.get(), ChronoUnit.MICROS.between(Instant.EPOCH, startedAt),
                elapsed, Percentiles.of(latency));
    }
}
