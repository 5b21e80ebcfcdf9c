package io.microcent.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.json.Json;
import io.microcent.model.usage.BillingPeriod;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** The operator calls the benchmarks make, with the operator token. */
final class OperatorApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    OperatorApi(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).GET()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the platform did not become ready");
            }
            Thread.sleep(200);
        }
    }

    JsonNode post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        return Json.mapper().readTree(response.body());
    }

    /**
     * Waits until the usage read model counts at least {@code expected} requests over all bench customers;
     * answers how long that took from {@code since} and how many it counts then (more than expected: an
     * event counted twice).
     */
    Projected awaitProjectedRequests(int customers, long expected, Instant since, BillingPeriod period)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            long total = projectedRequests(customers, period);
            if (total >= expected) {
                return new Projected(Duration.between(since, Instant.now()), total);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the read model did not reach " + expected + " requests");
    }

    record Projected(Duration took, long requests) {
    }

    private long projectedRequests(int customers, BillingPeriod period) throws IOException, InterruptedException {
        long total = 0;
        for (int c = 0; c < customers; c++) {
            total += get("/v1/customers/" + BenchEvents.customer(c, customers) + "/usage?period=" + period).path("requests").asLong();
        }
        return total;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return Json.mapper().readTree(send(HttpRequest.newBuilder(URI.create(base + path)).GET()).body());
    }

    /** Posts and answers the status code (for callers that count refusals). */
    int postStatus(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))).statusCode();
    }
}
