package io.microcent.deploy.cluster;

import java.util.List;

/**
 * {@code java -cp deploy/target/microcent.jar io.microcent.deploy.cluster.ClusterFailoverRun [--work-dir DIR]
 * [--events-per-second 300] [--batch 100] [--customers 4] [--authorize-per-second 4] [--cap-calls 80]
 * [--month-end-after 180]}: the scripted failover ({@link ClusterFailover}) on a local cluster; prints a row per
 * kill and exits 1 when anything was lost or doubled or an invariant broke.
 */
public final class ClusterFailoverRun {

    private ClusterFailoverRun() {
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        RunOptions options = RunOptions.parse(List.of(args));
        LocalCluster.log("work directory %s (a log per process)", options.workDir());
        FailoverReport report = ClusterFailover.run(options, System.getProperty("java.class.path"));
        report.print(System.out);
        System.exit(report.ok() ? 0 : 1);
    }
}
