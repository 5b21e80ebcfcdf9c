package io.microcent.deploy.cluster;

import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.CustomerPartitions;
import io.microcent.platform.kafka.MicrocentTopics;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells when the cluster processes again after a kill: one probe customer per partition of the customer-keyed
 * topics (so whichever instance died, one probe lands on a partition it owned), no other traffic for them, so each
 * view's count of a probe customer is exactly the probes acknowledged. A probe round sends one event per probe
 * customer and measures, from a given moment, when ingest acknowledged them all, when invoicing, rating and caps
 * counted them all, and when {@code /v1/authorize} decides for all of them again.
 */
final class Probes {

    /** What answered again, and when, measured from the kill. */
    enum Stage { INGEST, RATING, INVOICING, CAPS_SPEND, AUTHORIZE }

    /** Seconds from the kill until each stage served every probe customer; {@code total} is the last of them. */
    record Failover(Map<Stage, Double> seconds, double total) {
    }

    private final List<String> customers;
    private final IngestClient ingest;
    private final Views views;
    private final Ledger ledger;
    private final LocalCluster cluster;
    private final ClusterClock clock;
    private final String runId;
    private long sequence;

    Probes(LocalCluster cluster, IngestClient ingest, Views views, Ledger ledger, String runId) {
        this.cluster = cluster;
        this.ingest = ingest;
        this.views = views;
        this.ledger = ledger;
        this.clock = cluster.clock();
        this.runId = runId;
        this.customers = customersForEveryPartition(runId, MicrocentTopics.DEFAULT_PARTITIONS);
    }

    List<String> customers() {
        return customers;
    }

    /** Sends a round of probes now and measures from {@code since} (System.nanoTime) until every stage served it. */
    Failover measure(long since, Duration within) {
        Map<Stage, Double> seconds = new EnumMap<>(Stage.class);
        Instant at = clock.now();
        for (String customer : customers) {
            ingest.send(List.of(new SentEvent(runId + "-probe-" + sequence++, customer, at, 10, 1, Optional.empty())));
        }
        seconds.put(Stage.INGEST, secondsSince(since));
        YearMonth month = clock.month(at);
        long deadline = System.nanoTime() + within.toNanos();
        while (seconds.size() < Stage.values().length && System.nanoTime() < deadline) {
            check(seconds, Stage.RATING, since, () -> all(c -> views.rating(c, month).requests() == ledger.expected(c, month).requests()));
            check(seconds, Stage.INVOICING, since, () -> all(c -> views.invoicing(c, month).requests() == ledger.expected(c, month).requests()));
            check(seconds, Stage.CAPS_SPEND, since, () -> all(c -> views.caps(c, month).requests() == ledger.expected(c, month).requests()));
            check(seconds, Stage.AUTHORIZE, since, () -> all(this::authorizeDecides));
            Pause.of(Duration.ofMillis(200));
        }
        double total = seconds.size() < Stage.values().length ? Double.NaN
                : seconds.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return new Failover(seconds, total);
    }

    /** Whether some caps instance answers a decision (not 503) for the customer. */
    private boolean authorizeDecides(String customer) {
        String body = "{\"customer\":\"" + customer + "\",\"estimatedInputTokens\":1,\"maxOutputTokens\":1}";
        for (String url : cluster.urls(ProcessKind.CAPS)) {
            if (Http.post(url + "/v1/authorize", LocalCluster.OPERATOR_TOKEN, body).status() == 200) {
                return true;
            }
        }
        return false;
    }

    private boolean all(java.util.function.Predicate<String> served) {
        return customers.stream().allMatch(served);
    }

    private static void check(Map<Stage, Double> seconds, Stage stage, long since, java.util.function.BooleanSupplier served) {
        if (seconds.containsKey(stage)) {
            return;
        }
        try {
            if (served.getAsBoolean()) {
                seconds.put(stage, secondsSince(since));
            }
        } catch (RuntimeException notAnsweringYet) {
            // no instance of that service answers right now: not served yet
        }
    }

    static double secondsSince(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Customer ids, one per partition ({@link CustomerPartitions}: Kafka's default partitioner on the customer key). */
    static List<String> customersForEveryPartition(String prefix, int partitions) {
        String[] found = new String[partitions];
        int missing = partitions;
        for (int n = 0; missing > 0; n++) {
            String id = prefix + "-probe-" + n;
            int partition = CustomerPartitions.of(CustomerId.of(id), partitions);
            if (found[partition] == null) {
                found[partition] = id;
                missing--;
            }
        }
        return new ArrayList<>(List.of(found));
    }
}
