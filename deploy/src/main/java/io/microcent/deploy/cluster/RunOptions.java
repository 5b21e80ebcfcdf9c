package io.microcent.deploy.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of {@link ClusterFailoverRun} and {@link FaultSoak}, {@code --name value}:
 * {@code --work-dir} (default: a new temporary directory), {@code --events-per-second} (300), {@code --batch}
 * (100), {@code --customers} (4), {@code --authorize-per-second} (4), {@code --cap-calls} (how many calls the hard
 * cap allows a month, 80), {@code --month-end-after} (seconds from the start until the simulated month ends, 180;
 * 0 runs on the real clock), {@code --rounds} (20) and {@code --seed} (1) for the soak.
 */
public record RunOptions(Path workDir, int eventsPerSecond, int batchSize, int customers, int authorizePerSecond,
                         int capCalls, Duration monthEndAfter, int rounds, long seed) {

    public static RunOptions parse(List<String> args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!name.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("expected --name value, got " + name);
            }
            values.put(name.substring(2), args.get(i + 1));
        }
        RunOptions options = new RunOptions(
                values.containsKey("work-dir") ? Path.of(values.remove("work-dir")) : temporaryDirectory(),
                integer(values, "events-per-second", 300), integer(values, "batch", 100), integer(values, "customers", 4),
                integer(values, "authorize-per-second", 4), integer(values, "cap-calls", 80),
                Duration.ofSeconds(integer(values, "month-end-after", 180)), integer(values, "rounds", 20),
                Long.parseLong(values.getOrDefault("seed", "1")));
        values.remove("seed");
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + values.keySet());
        }
        return options;
    }

    public RunOptions withWorkDir(Path dir) {
        return new RunOptions(dir, eventsPerSecond, batchSize, customers, authorizePerSecond, capCalls, monthEndAfter, rounds, seed);
    }

    public boolean simulatedMonthEnd() {
        return !monthEndAfter.isZero();
    }

    private static int integer(Map<String, String> values, String name, int defaultValue) {
        String raw = values.remove(name);
        return raw == null ? defaultValue : Integer.parseInt(raw);
    }

    private static Path temporaryDirectory() {
        try {
            return java.nio.file.Files.createTempDirectory("microcent-cluster");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
