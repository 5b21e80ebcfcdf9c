package io.microcent.deploy.bench;

import java.util.List;

/**
 * What one benchmark run sends.
 *
 * @param events      events sent through HTTP ingest (and again through raw Kafka)
 * @param batchSize   events per HTTP request, as a gateway batches them
 * @param concurrency HTTP requests in flight
 * @param customers   distinct customers, spread over the partitions
 * @param authorizePerSecond arrival rate of {@code POST /v1/authorize} in its latency phase
 * @param openReservations reservations opened before the second run of the open-reservations comparison
 */
record BenchOptions(int events, int batchSize, int concurrency, int customers, int authorizePerSecond, int openReservations) {

    static BenchOptions parse(List<String> args) {
        return new BenchOptions(
                intArg(args, "--events", 300_000),
                intArg(args, "--batch", 1_000),
                intArg(args, "--concurrency", 4),
                intArg(args, "--customers", 16),
                intArg(args, "--authorize-rate", 5_000),
                intArg(args, "--open-reservations", 20_000));
    }

    private static int intArg(List<String> args, String name, int defaultValue) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? Integer.parseInt(args.get(at + 1)) : defaultValue;
    }
}
