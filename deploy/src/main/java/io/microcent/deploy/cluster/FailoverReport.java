package io.microcent.deploy.cluster;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/** What a run found: a row per kill, the final totals, the month's invoices and the hard cap. */
record FailoverReport(List<Round> rounds, Reconciliation.Outcome totals, Optional<InvoiceCheck.Outcome> invoices,
                             HardCapClient.Stats authorize, long capAmount, java.util.Map<java.time.YearMonth, Long> capSpend,
                             List<String> capProblems, long refusedEvents,
                             long resends, double seconds) {

    /** Nothing lost, nothing doubled, one invoice per customer, the hard cap held, every failover ended. */
    boolean ok() {
        return rounds.stream().allMatch(Round::ok) && totals.exact() && invoices.map(InvoiceCheck.Outcome::ok).orElse(true)
                && capProblems.isEmpty() && authorize.allowedAfterRefused() == 0 && authorize.unavailableWithoutRetryAfter() == 0
                && refusedEvents == 0;
    }

    long lost() {
        return totals.lost();
    }

    long doubled() {
        return totals.doubled();
    }

    void print(PrintStream out) {
        out.println();
        out.printf("%-6s %-12s %-26s %9s %7s %7s %9s %8s %8s %9s %10s %6s %8s%n", "round", "killed", "at (cluster clock)",
                "failover", "ingest", "rating", "invoicing", "caps", "auth", "restart", "acked", "lost", "doubled");
        int n = 1;
        for (Round r : rounds) {
            var s = r.failover().seconds();
            out.printf("%-6d %-12s %-26s %8.1fs %6.1fs %6.1fs %8.1fs %7.1fs %7.1fs %8.1fs %,10d %6d %8d%n", n++, r.killed(), r.at(),
                    r.failover().total(), get(s, Probes.Stage.INGEST), get(s, Probes.Stage.RATING), get(s, Probes.Stage.INVOICING),
                    get(s, Probes.Stage.CAPS_SPEND), get(s, Probes.Stage.AUTHORIZE), r.restartSeconds(),
                    r.totals().acknowledged(), r.totals().lost(), r.totals().doubled());
        }
        out.printf("%nfinal totals: %,d events acknowledged (%,d resends), %d lost, %d doubled, %d refused%s%n", totals.acknowledged(),
                resends, totals.lost(), totals.doubled(), refusedEvents, totals.differences().isEmpty() ? "" : " " + totals.differences());
        invoices.ifPresent(i -> out.printf("invoices of %s: %d customers, %d invoices%s%n", i.month(), i.customers(), i.invoices(),
                i.ok() ? ", one each, finalized, usage as sent" : " " + i.problems()));
        out.printf("authorize under a hard cap of %,d µ¢: %d allowed, %d refused, %d allowed after a refusal in the same month, "
                        + "%d answered 503 (%d without Retry-After), %d unanswered, %d other errors%s%n", capAmount,
                authorize.allowed(), authorize.refused(), authorize.allowedAfterRefused(), authorize.unavailable(),
                authorize.unavailableWithoutRetryAfter(), authorize.noAnswer(), authorize.otherErrors(),
                capProblems.isEmpty() ? "; usage sent for allowed calls per month " + new java.util.TreeMap<>(capSpend) + " µ¢, within the cap"
                        : " " + capProblems);
        out.printf("run: %.0f s; %s%n", seconds, ok() ? "OK" : "FAILED");
    }

    private static double get(java.util.Map<Probes.Stage, Double> seconds, Probes.Stage stage) {
        return seconds.getOrDefault(stage, Double.NaN);
    }
}
