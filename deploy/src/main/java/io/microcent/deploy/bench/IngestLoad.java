package io.microcent.deploy.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code POST /v1/events} with the bench's usage events ({@link BenchEvents}), closed or open loop. */
final class IngestLoad {

    private final HttpLoad http = new HttpLoad();
    private final URI uri;
    private final String ingestSecret;

    IngestLoad(int port, String ingestSecret) {
        this.uri = URI.create("http://127.0.0.1:" + port + "/v1/events");
        this.ingestSecret = ingestSecret;
    }

    /**
     * A run's {@code count} events in batches of {@code batchSize}, {@code concurrency} requests in flight. The
     * bodies are built before the clock starts, so that building JSON is not measured as ingest.
     */
    LoadFigures closedLoop(String runId, int count, int batchSize, int concurrency, int customers, Instant timestamp) {
        List<byte[]> bodies = BenchEvents.bodies(runId, count, batchSize, customers, timestamp);
        return http.closedLoop(new HttpLoad.Workload(bodies.size(), i -> request(bodies.get(i)), 202,
                i -> Math.min(batchSize, count - i * batchSize)), concurrency);
    }

    /**
     * {@code perSecond} events a second for {@code duration}, a batch of {@code batchSize} every
     * {@code batchSize / perSecond} seconds. Each body is built just before its scheduled send time, so that
     * a long run does not hold all of them in memory.
     */
    LoadFigures openLoop(String runId, int perSecond, int batchSize, Duration duration, int customers, Instant timestamp) {
        int requests = (int) ((long) perSecond * duration.toSeconds() / batchSize);
        long intervalNanos = 1_000_000_000L * batchSize / perSecond;
        return http.openLoop(new HttpLoad.Workload(requests,
                i -> request(BenchEvents.body(runId, i * batchSize, (i + 1) * batchSize, customers, timestamp)), 202,
                i -> batchSize), intervalNanos);
    }

    private HttpRequest request(byte[] body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ingestSecret).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }
}
