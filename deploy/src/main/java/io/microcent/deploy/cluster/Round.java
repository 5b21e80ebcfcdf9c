package io.microcent.deploy.cluster;

import java.time.Instant;

/**
 * One kill: which process, when (on the cluster's clock), how long until every stage served again, how long its
 * restart took, and the exact totals checked afterwards (cumulative).
 */
record Round(String killed, ProcessKind kind, Instant at, Probes.Failover failover, double restartSeconds,
             Reconciliation.Outcome totals) {

    boolean ok() {
        return totals.exact() && !Double.isNaN(failover.total());
    }
}
