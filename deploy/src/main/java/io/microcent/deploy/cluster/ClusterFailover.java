package io.microcent.deploy.cluster;

import io.microcent.model.topic.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The scripted failover: under load, kill -9 in turn one rating, one caps, then (once the simulated month has
 * ended, so that it dies while both instances close the month) one invoicing and one ingest instance, and the Kafka
 * node leading most partitions of {@code usage.events}; each failover measured, each process restarted.
 */
final class ClusterFailover {

    private ClusterFailover() {
    }

    static FailoverReport run(RunOptions options, String classpath) {
        try (ClusterRun run = ClusterRun.start(options, classpath)) {
            LocalCluster cluster = run.cluster();
            List<Round> rounds = new ArrayList<>();
            rounds.add(run.kill(cluster.instances(ProcessKind.RATING).getFirst()));
            rounds.add(run.kill(cluster.instances(ProcessKind.CAPS).getFirst()));
            run.awaitMonthEnd(Duration.ofSeconds(2));
            rounds.add(run.kill(cluster.instances(ProcessKind.INVOICING).getFirst()));
            rounds.add(run.kill(cluster.instances(ProcessKind.INGEST).getFirst()));
            int leader = PartitionLeaders.nodeLeadingMostOf(cluster.bootstrap(), Topics.USAGE_EVENTS.name());
            rounds.add(run.kill(cluster.broker(leader)));
            return run.finish(rounds);
        }
    }
}
