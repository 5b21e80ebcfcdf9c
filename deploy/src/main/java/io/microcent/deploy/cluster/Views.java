package io.microcent.deploy.cluster;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.YearMonth;
import java.util.List;

/**
 * A customer's month as each part of Microcent counts it, read over HTTP from whichever instance answers:
 * invoicing's usage read model, rating's analytics (hourly rollups) and caps' spend.
 */
final class Views {

    /** One view's count of a customer's month. */
    record Count(long requests, long tokens) {
    }

    private final LocalCluster cluster;

    Views(LocalCluster cluster) {
        this.cluster = cluster;
    }

    /** {@code GET /v1/customers/{id}/usage?period=}: requests (invoicing does not keep tokens here). */
    Count invoicing(String customer, YearMonth month) {
        JsonNode usage = get(ProcessKind.INVOICING, "/v1/customers/" + customer + "/usage?period=" + month);
        return new Count(usage.path("requests").asLong(), -1);
    }

    /** {@code GET /v1/analytics/usage?from=&to=&customer=}: the month's requests and tokens from the rollups. */
    Count rating(String customer, YearMonth month) {
        JsonNode kpis = get(ProcessKind.RATING, "/v1/analytics/usage?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth()
                + "&bucket=day&customer=" + customer).path("kpis");
        return new Count(kpis.path("requests").asLong(), kpis.path("totalTokens").asLong());
    }

    /** {@code GET /v1/customers/{id}/spend?period=}: requests as caps counted them. */
    Count caps(String customer, YearMonth month) {
        JsonNode spend = get(ProcessKind.CAPS, "/v1/customers/" + customer + "/spend?period=" + month);
        return new Count(spend.path("requests").asLong(), -1);
    }

    /** The month's cost caps counted for the customer, waiting up to a minute for an instance to answer. */
    long capsCost(String customer, YearMonth month) {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
        while (true) {
            try {
                return get(ProcessKind.CAPS, "/v1/customers/" + customer + "/spend?period=" + month).path("costMicrocents").asLong();
            } catch (IllegalStateException notAnswering) {
                if (System.nanoTime() > deadline) {
                    throw notAnswering;
                }
                Pause.of(java.time.Duration.ofSeconds(1));
            }
        }
    }

    /** The customer's invoices of {@code month}. */
    List<JsonNode> invoices(String customer, YearMonth month) {
        JsonNode list = get(ProcessKind.INVOICING, "/v1/invoices?customer=" + customer + "&period=" + month + "&limit=500");
        return java.util.stream.StreamSupport.stream(list.path("invoices").spliterator(), false).toList();
    }

    /** The first 200 of the instances of {@code kind}; fails when none answers 200. */
    JsonNode get(ProcessKind kind, String path) {
        StringBuilder failures = new StringBuilder();
        for (String url : cluster.urls(kind)) {
            Http.Answer answer = Http.get(url + path, LocalCluster.OPERATOR_TOKEN);
            if (answer.status() == 200) {
                return answer.json();
            }
            failures.append(url).append(" ").append(answer.status()).append(answer.failure()).append(' ').append(answer.json()).append("; ");
        }
        throw new IllegalStateException("GET " + path + ": " + failures);
    }
}
