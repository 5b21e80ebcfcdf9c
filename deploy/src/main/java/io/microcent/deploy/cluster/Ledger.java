package io.microcent.deploy.cluster;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the cluster acknowledged (202), per customer and month: the ids and the totals every view must show,
 * each acknowledged event exactly once. An id acknowledged again (a resend of a batch whose first answer was
 * lost) is counted once.
 */
final class Ledger {

    /** A customer's month as sent: requests and tokens. */
    record Expected(long requests, long tokens) {
    }

    private final Set<String> acknowledged = new HashSet<>();
    private final Map<String, Map<YearMonth, long[]>> totals = new HashMap<>();
    private long refused;

    synchronized void acknowledged(List<SentEvent> events) {
        for (SentEvent event : events) {
            if (acknowledged.add(event.id())) {
                long[] t = totals.computeIfAbsent(event.customer(), c -> new HashMap<>())
                        .computeIfAbsent(YearMonth.from(event.timestamp().atZone(ZoneOffset.UTC)), m -> new long[2]);
                t[0]++;
                t[1] += event.tokens();
            }
        }
    }

    /** Events ingest refused for good (e.g. stamped in a month that closed before they got through). */
    synchronized void refused(List<SentEvent> events) {
        refused += events.size();
    }

    synchronized long refused() {
        return refused;
    }

    synchronized long acknowledgedCount() {
        return acknowledged.size();
    }

    synchronized Expected expected(String customer, YearMonth month) {
        long[] t = totals.getOrDefault(customer, Map.of()).get(month);
        return t == null ? new Expected(0, 0) : new Expected(t[0], t[1]);
    }

    synchronized Set<String> customers() {
        return new TreeSet<>(totals.keySet());
    }

    synchronized Set<YearMonth> months(String customer) {
        return new TreeSet<>(totals.getOrDefault(customer, Map.of()).keySet());
    }
}
