package io.microcent.deploy.cluster;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A closed month invoiced once per customer, though both invoicing instances close it: once every customer's
 * invoice of the month is finalized, exactly one each, its usage lines' quantity the requests acknowledged stamped
 * in that month.
 */
final class InvoiceCheck {

    /** {@code problems} is empty when every customer has exactly one invoice, finalized, with the usage sent. */
    record Outcome(YearMonth month, int customers, int invoices, List<String> problems) {

        boolean ok() {
            return problems.isEmpty();
        }
    }

    private InvoiceCheck() {
    }

    static Outcome await(Ledger ledger, Views views, YearMonth month, List<String> customers, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Outcome outcome;
            try {
                outcome = check(ledger, views, month, customers);
            } catch (RuntimeException e) {
                // a view that does not answer yet (an instance restoring, a rebalance) is no verdict: wait for it too
                outcome = new Outcome(month, customers.size(), 0, List.of("not answering: " + e.getMessage()));
            }
            if (outcome.ok() || System.nanoTime() > deadline) {
                return outcome;
            }
            Pause.of(Duration.ofSeconds(2));
        }
    }

    private static Outcome check(Ledger ledger, Views views, YearMonth month, List<String> customers) {
        List<String> problems = new ArrayList<>();
        int invoices = 0;
        for (String customer : customers) {
            List<JsonNode> found = views.invoices(customer, month);
            invoices += found.size();
            if (found.size() != 1) {
                problems.add(customer + ": " + found.size() + " invoices for " + month);
                continue;
            }
            JsonNode invoice = views.get(ProcessKind.INVOICING, "/v1/invoices/" + found.getFirst().path("id").asText());
            if ("draft".equals(invoice.path("status").asText())) {
                problems.add(customer + ": invoice " + invoice.path("id").asText() + " still a draft");
                continue;
            }
            long billed = 0;
            for (JsonNode line : invoice.path("lines")) {
                if ("usage".equals(line.path("kind").asText())) {
                    billed += line.path("quantity").asLong();
                }
            }
            long sent = ledger.expected(customer, month).requests();
            if (billed != sent) {
                problems.add(customer + ": invoice " + invoice.path("id").asText() + " bills " + billed + " requests, " + sent + " acknowledged");
            }
        }
        return new Outcome(month, customers.size(), invoices, problems);
    }
}
