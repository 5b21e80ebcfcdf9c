package io.microcent.deploy.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A local cluster under load, ready for kills: customers registered, the usage load and the hard-cap gateway
 * running, probes at hand. {@link #kill(ClusterProcess)} kills one process with SIGKILL and measures the failover,
 * restarts it and checks the totals; {@link #finish()} stops the load and checks what only the end can tell.
 */
final class ClusterRun implements AutoCloseable {

    static final Duration FAILOVER_TIMEOUT = Duration.ofMinutes(3);
    static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);

    private final RunOptions options;
    private final LocalCluster cluster;
    private final Ledger ledger = new Ledger();
    private final Views views;
    private final IngestClient ingest;
    private final Probes probes;
    private final List<String> customers = new ArrayList<>();
    private final String cappedCustomer;
    private final long capAmount;
    private final UsageLoad load;
    private final HardCapClient capped;
    private final long startedAt = System.nanoTime();

    private ClusterRun(RunOptions options, LocalCluster cluster) {
        this.options = options;
        this.cluster = cluster;
        String runId = "r" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        this.views = new Views(cluster);
        List<String> loadCustomers = IntStream.range(0, options.customers()).mapToObj(i -> runId + "-c" + i).toList();
        this.cappedCustomer = runId + "-capped";
        customers.addAll(loadCustomers);
        customers.add(cappedCustomer);
        String ingestKey = ClusterSetup.ingestKey(cluster);
        this.ingest = new IngestClient(cluster.urls(ProcessKind.INGEST), ingestKey, ledger);
        this.probes = new Probes(cluster, ingest, views, ledger, runId);
        customers.addAll(probes.customers());
        this.capAmount = HardCapClient.callCost() * options.capCalls() + HardCapClient.callCost() / 2;
        cluster.clock().firstMonthEnd().ifPresent(end -> {
            if (cluster.clock().until(end).compareTo(Duration.ofSeconds(20)) < 0) {
                throw new IllegalStateException("the cluster took too long to start: its month ends at " + end
                        + ", too soon to register customers and send usage in it; give a larger --month-end-after");
            }
        });
        ClusterSetup.customers(cluster, customers);
        ClusterSetup.hardCostCap(cluster, cappedCustomer, capAmount);
        Probes.Failover warmUp = probes.measure(System.nanoTime(), FAILOVER_TIMEOUT);
        LocalCluster.log("pipeline serving every probe customer in %.1f s %s", warmUp.total(), warmUp.seconds());
        this.load = new UsageLoad(ingest, cluster.clock(), loadCustomers, options.eventsPerSecond(), options.batchSize(), runId);
        this.capped = new HardCapClient(cluster.urls(ProcessKind.CAPS), ingestKey, ingest, cluster.clock(), cappedCustomer,
                options.authorizePerSecond(), runId);
    }

    /** Starts the cluster on the options' clock (a simulated month ending {@code monthEndAfter} from now, grace 0). */
    static ClusterRun start(RunOptions options, String classpath) {
        ClusterClock clock = options.simulatedMonthEnd()
                ? ClusterClock.endingMonthIn(options.monthEndAfter(), YearMonth.now(ZoneOffset.UTC).plusMonths(1))
                : ClusterClock.real();
        Map<String, String> settings = new HashMap<>(Map.of("MICROCENT_PERIOD_CLOSE_INTERVAL_SECONDS", "2"));
        if (options.simulatedMonthEnd()) {
            // both invoicing instances close the month during the run, as soon as it ended
            settings.put("MICROCENT_LATE_USAGE_GRACE_HOURS", "0");
        }
        LocalCluster cluster = LocalCluster.start(options.workDir(), classpath, clock, settings);
        try {
            return new ClusterRun(options, cluster);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    LocalCluster cluster() {
        return cluster;
    }

    double secondsIntoRun() {
        return Probes.secondsSince(startedAt);
    }

    /** SIGKILL, the failover measured with probes, the restart, then the totals checked with the load paused. */
    Round kill(ClusterProcess process) {
        PartitionLeaders.awaitFullyReplicated(cluster.bootstrap(), LocalCluster.READY_TIMEOUT);
        Instant at = cluster.clock().now();
        LocalCluster.log("kill -9 %s (cluster time %s)", process.name(), at);
        long killedAt = System.nanoTime();
        process.kill();
        Probes.Failover failover = probes.measure(killedAt, FAILOVER_TIMEOUT);
        LocalCluster.log("%s: every stage served again in %.1f s %s", process.name(), failover.total(), failover.seconds());
        long restartAt = System.nanoTime();
        process.restart(LocalCluster.READY_TIMEOUT);
        double restart = Probes.secondsSince(restartAt);
        LocalCluster.log("%s restarted and ready in %.1f s", process.name(), restart);
        Reconciliation.Outcome totals = reconcile();
        LocalCluster.log("totals after %s: %,d acknowledged, %d lost, %d doubled %s", process.name(), totals.acknowledged(),
                totals.lost(), totals.doubled(), totals.differences());
        return new Round(process.name(), process.kind(), at, failover, restart, totals);
    }

    /** Waits, with the load running, until the cluster's clock has passed the end of its first month. */
    void awaitMonthEnd(Duration after) {
        cluster.clock().firstMonthEnd().ifPresent(end -> {
            Duration wait = cluster.clock().until(end).plus(after);
            if (!wait.isNegative()) {
                LocalCluster.log("waiting %d s for the month to end (%s)", wait.toSeconds(), end);
                Pause.of(wait);
            }
        });
    }

    /** The exact totals, with the load paused (what is in flight is acknowledged first) while the pipeline drains. */
    Reconciliation.Outcome reconcile() {
        load.pause();
        capped.pause();
        try {
            return Reconciliation.await(ledger, views, DRAIN_TIMEOUT);
        } finally {
            load.resume();
            capped.resume();
        }
    }

    /** Stops the load, then checks the totals, the hard cap and, on a simulated month, its invoices. */
    FailoverReport finish(List<Round> rounds) {
        load.close();
        capped.close();
        Reconciliation.Outcome totals = Reconciliation.await(ledger, views, DRAIN_TIMEOUT);
        Optional<InvoiceCheck.Outcome> invoices = cluster.clock().firstMonthEnd().map(end -> InvoiceCheck.await(ledger, views,
                cluster.clock().month(end.minusSeconds(1)), customers, DRAIN_TIMEOUT));
        List<String> capProblems = new ArrayList<>();
        capped.sentCost().forEach((month, cost) -> {
            if (cost > capAmount) {
                capProblems.add(month + ": the usage sent for allowed calls cost " + cost + " µ¢, over the hard cap of " + capAmount);
            }
        });
        for (YearMonth month : ledger.months(cappedCustomer)) {
            long counted = views.capsCost(cappedCustomer, month);
            if (counted > capAmount) {
                capProblems.add(month + ": caps counted " + counted + " µ¢ of spend, over the hard cap of " + capAmount);
            }
        }
        return new FailoverReport(rounds, totals, invoices, capped.stats(), capAmount, capped.sentCost(), capProblems, ledger.refused(),
                ingest.resends(), secondsIntoRun());
    }

    @Override
    public void close() {
        load.close();
        capped.close();
        cluster.close();
    }
}
