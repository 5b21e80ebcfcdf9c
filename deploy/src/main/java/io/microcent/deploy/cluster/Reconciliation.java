package io.microcent.deploy.cluster;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Every acknowledged event counted exactly once in every view: for each customer and month of the {@link Ledger},
 * invoicing's requests, rating's requests and tokens and caps' requests against what was acknowledged, waited for
 * while the pipeline drains. What is still off at the deadline is lost (counted less) or doubled (counted more).
 */
final class Reconciliation {

    /** The figures of one check; {@code differences} says which view was off where. */
    record Outcome(long acknowledged, long lost, long doubled, List<String> differences) {

        boolean exact() {
            return differences.isEmpty();
        }
    }

    private Reconciliation() {
    }

    static Outcome await(Ledger ledger, Views views, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Outcome outcome;
            try {
                outcome = check(ledger, views);
            } catch (RuntimeException e) {
                // a view that does not answer yet (an instance restoring, a rebalance) is no verdict: wait for it too
                outcome = new Outcome(ledger.acknowledgedCount(), 0, 0, List.of("not answering: " + e.getMessage()));
            }
            if (outcome.exact() || System.nanoTime() > deadline) {
                return outcome;
            }
            Pause.of(Duration.ofSeconds(1));
        }
    }

    static Outcome check(Ledger ledger, Views views) {
        long lost = 0;
        long doubled = 0;
        List<String> differences = new ArrayList<>();
        for (String customer : ledger.customers()) {
            for (YearMonth month : ledger.months(customer)) {
                Ledger.Expected expected = ledger.expected(customer, month);
                long[] counted = {
                        views.invoicing(customer, month).requests(),
                        views.rating(customer, month).requests(),
                        views.caps(customer, month).requests()};
                String[] names = {"invoicing usage", "rating analytics", "caps spend"};
                long worstLoss = 0;
                long worstDouble = 0;
                for (int v = 0; v < counted.length; v++) {
                    if (counted[v] != expected.requests()) {
                        differences.add(customer + " " + month + " " + names[v] + ": " + counted[v] + " requests, acknowledged " + expected.requests());
                    }
                    worstLoss = Math.max(worstLoss, expected.requests() - counted[v]);
                    worstDouble = Math.max(worstDouble, counted[v] - expected.requests());
                }
                long tokens = views.rating(customer, month).tokens();
                if (tokens != expected.tokens()) {
                    differences.add(customer + " " + month + " rating analytics: " + tokens + " tokens, acknowledged " + expected.tokens());
                }
                lost += worstLoss;
                doubled += worstDouble;
            }
        }
        return new Outcome(ledger.acknowledgedCount(), lost, doubled, differences);
    }
}
