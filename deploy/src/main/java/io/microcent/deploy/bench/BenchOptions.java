package io.microcent.deploy.bench;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one benchmark run sends.
 *
 * @param events             events of the closed-loop measured run through HTTP ingest
 * @param batchSize          events per HTTP request in the closed loop, as a gateway batches them
 * @param concurrency        HTTP requests in flight in the closed loop
 * @param customers          distinct customers, spread over the partitions
 * @param ingestRate         offered events per second of the open-loop ingest run
 * @param ingestBatch        events per request of the open-loop ingest run (one request every batch / rate seconds)
 * @param ingestSeconds      length of the open-loop ingest run
 * @param authorizePerSecond arrival rate of {@code POST /v1/authorize} in its latency phase
 * @param openReservations   reservations opened before the second run of the open-reservations comparison
 * @param rawRuns            runs of Kafka's ProducerPerformance, whose median is the raw reference
 * @param onlyAuthorize      {@code --only authorize}: skip the ingest and raw Kafka phases, run the authorize ones
 */
record BenchOptions(int events, int batchSize, int concurrency, int customers, int ingestRate, int ingestBatch,
                    int ingestSeconds, int authorizePerSecond, int openReservations, int rawRuns, boolean onlyAuthorize) {

    static final Set<String> NAMES = Set.of("--events", "--batch", "--concurrency", "--customers", "--ingest-rate",
            "--ingest-batch", "--ingest-seconds", "--authorize-rate", "--open-reservations", "--raw-runs", "--only");

    static BenchOptions parse(List<String> args) {
        Args given = Args.parse(args, NAMES);
        return new BenchOptions(
                given.positive("--events", 300_000),
                given.positive("--batch", 1_000),
                given.positive("--concurrency", 4),
                given.positive("--customers", 16),
                given.positive("--ingest-rate", 50_000),
                given.positive("--ingest-batch", 100),
                given.positive("--ingest-seconds", 10),
                given.positive("--authorize-rate", 5_000),
                given.positive("--open-reservations", 20_000),
                given.positive("--raw-runs", 3),
                onlyAuthorize(given.text("--only", "all")));
    }

    private static boolean onlyAuthorize(String only) {
        return switch (only) {
            case "all" -> false;
            case "authorize" -> true;
            default -> throw new IllegalArgumentException("option --only must be authorize (or all), not " + only);
        };
    }

    /** The parts {@code --only} can run alone: analytics with options of its own, authorize with the bench's. */
    static final Set<String> ONLY = Set.of("all", "analytics", "authorize");

    /** The part {@code --only} names, if given; a part that does not exist is refused with the ones that do. */
    static Optional<String> only(List<String> args) {
        int at = args.indexOf("--only");
        if (at < 0) {
            return Optional.empty();
        }
        String part = at + 1 < args.size() ? args.get(at + 1) : "";
        if (!ONLY.contains(part)) {
            throw new IllegalArgumentException("option --only must be one of " + ONLY.stream().sorted().toList() + ", not " + part);
        }
        return Optional.of(part);
    }

    /** Events the open-loop ingest run offers in all. */
    long ingestEvents() {
        return (long) ingestRate * ingestSeconds;
    }
}
