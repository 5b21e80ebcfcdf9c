package io.microcent.deploy.bench;

/**
 * What one load run measured in the load client.
 *
 * @param requests      requests sent
 * @param failed        requests answered with anything but the expected status, or not at all
 * @param events        events in the requests that were answered with the expected status (a request's weight:
 *                      the usage events of an ingest batch, 1 for an authorization)
 * @param startedAtMicros wall-clock time of the first send, microseconds since the epoch (the same host's clock as
 *                      the bench's, so the bench times its end-to-end figures from it)
 * @param elapsedNanos  first send until the last answer
 * @param latency       per request: from its send (closed loop) or its scheduled send time (open loop) to its answer
 */
record LoadFigures(long requests, long failed, long events, long startedAtMicros, long elapsedNanos, Percentiles latency) {

    double seconds() {
        return Math.max(elapsedNanos, 1) / 1e9;
    }

    double eventsPerSecond() {
        return events / seconds();
    }

    double requestsPerSecond() {
        return requests / seconds();
    }
}
