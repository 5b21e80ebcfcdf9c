package io.microcent.deploy.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's usage events as {@code POST /v1/events} bodies: gpt-4o calls spread over customers
 * ({@code bench-0}…), projects and users. Event {@code i} of a run has the id {@code <runId>-<i>}, so that each
 * event of every run is new to ingest's duplicate check and a probe recognises its run by the prefix.
 */
final class BenchEvents {

    private BenchEvents() {
    }

    /** The events {@code from} (inclusive) to {@code to} (exclusive) of a run, as one request body. */
    static byte[] body(String runId, int from, int to, int customers, Instant timestamp) {
        StringBuilder body = new StringBuilder(256 * (to - from));
        for (int i = from; i < to; i++) {
            body.append(i == from ? "[" : ",")
                    .append("{\"id\":\"").append(runId).append('-').append(i)
                    .append("\",\"customer\":\"").append(customer(i, customers))
                    .append("\",\"timestamp\":\"").append(timestamp)
                    .append("\",\"project\":\"p").append(i % 7)
                    .append("\",\"user\":\"u").append(i % 101)
                    .append("\",\"provider\":\"openai\",\"model\":\"gpt-4o\",\"inputTokens\":").append(100 + i % 900)
                    .append(",\"outputTokens\":").append(20 + i % 300).append('}');
        }
        return body.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A run's {@code count} events in bodies of {@code batchSize} (the last one maybe smaller). */
    static List<byte[]> bodies(String runId, int count, int batchSize, int customers, Instant timestamp) {
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0; from < count; from += batchSize) {
            bodies.add(body(runId, from, Math.min(count, from + batchSize), customers, timestamp));
        }
        return bodies;
    }

    static String customer(int i, int customers) {
        return "bench-" + (i % customers);
    }
}
