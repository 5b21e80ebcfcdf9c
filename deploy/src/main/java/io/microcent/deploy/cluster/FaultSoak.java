package io.microcent.deploy.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code java -cp deploy/target/microcent.jar io.microcent.deploy.cluster.FaultSoak [--rounds 20] [--seed 1]
 * [--work-dir DIR] [--events-per-second 300] … [--month-end-after 0]}: each round, under load, kill -9 a process
 * chosen at random (any kind, Kafka nodes included) after a random 5–20 s, wait for the failover, restart it and
 * check the exact totals so far. Which process and when follow from the seed alone. Runs on the real clock unless
 * {@code --month-end-after} is given. Exits 1 when anything was lost or doubled.
 */
public final class FaultSoak {

    private FaultSoak() {
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        List<String> arguments = new ArrayList<>(List.of(args));
        if (!arguments.contains("--month-end-after")) {
            arguments.addAll(List.of("--month-end-after", "0"));
        }
        RunOptions options = RunOptions.parse(arguments);
        LocalCluster.log("work directory %s (a log per process), seed %d, %d rounds", options.workDir(), options.seed(), options.rounds());
        Random random = new Random(options.seed());
        FailoverReport report;
        try (ClusterRun run = ClusterRun.start(options, System.getProperty("java.class.path"))) {
            List<ClusterProcess> processes = run.cluster().processes();
            List<Round> rounds = new ArrayList<>();
            for (int r = 1; r <= options.rounds(); r++) {
                ClusterProcess victim = processes.get(random.nextInt(processes.size()));
                Duration after = Duration.ofMillis(5_000 + random.nextInt(15_000));
                LocalCluster.log("round %d: kill -9 %s in %.1f s", r, victim.name(), after.toMillis() / 1e3);
                Pause.of(after);
                rounds.add(run.kill(victim));
            }
            report = run.finish(rounds);
        }
        report.print(System.out);
        System.exit(report.ok() ? 0 : 1);
    }
}
