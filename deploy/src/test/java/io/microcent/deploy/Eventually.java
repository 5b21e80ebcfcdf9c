package io.microcent.deploy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Several checks of a pipeline that each hold once it has caught up, waited for under one deadline: a
 * check that holds is not asked again, and at the deadline every check still failing is reported with its
 * last failure, so one run tells all that is wrong rather than the first.
 */
final class Eventually {

    private static final Duration POLL = Duration.ofMillis(500);

    private Eventually() {
    }

    /** Waits until every check passes (a check passes when it returns without throwing). */
    static void all(Duration within, Map<String, Runnable> checks) {
        assertNoneFailing("checks still failing after " + within, failingAfter(within, checks));
    }

    /** Fails listing {@code failures} (check → its last failure), unless there are none. */
    static void assertNoneFailing(String what, Map<String, String> failures) {
        if (!failures.isEmpty()) {
            fail(what + ":\n" + failures.entrySet().stream()
                    .map(e -> "  " + e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n")));
        }
    }

    /** The checks still failing at the deadline, each with its last failure; empty when all passed. */
    static Map<String, String> failingAfter(Duration within, Map<String, Runnable> checks) {
        Map<String, Runnable> pending = new LinkedHashMap<>(checks);
        Map<String, String> failures = new LinkedHashMap<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            failures.clear();
            for (var check : new LinkedHashMap<>(pending).entrySet()) {
                try {
                    check.getValue().run();
                    pending.remove(check.getKey());
                } catch (AssertionError | RuntimeException e) {
                    failures.put(check.getKey(), oneLine(e));
                }
            }
            if (pending.isEmpty() || System.nanoTime() > deadline) {
                return failures;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String oneLine(Throwable e) {
        String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
        return (e instanceof AssertionError ? "" : e.getClass().getSimpleName() + ": ")
                + (message.length() > 600 ? message.substring(0, 600) + "…" : message);
    }
}
