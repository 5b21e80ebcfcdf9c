package io.microcent.deploy.cluster;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A gateway under a hard cap: it asks {@code POST /v1/authorize} (with its ingest key, through the caps instances in
 * turn) before every call, and sends the call's usage, carrying the reservation, only when allowed. Each call uses
 * exactly the tokens it reserved, so its cost equals the worst case held: the cap's spend + reservations never
 * shrink, and once refused a customer stays refused for the month. Counts every 503 and whether it had
 * {@code Retry-After}. The seconds around a month's end are left out (instances' clocks may differ by moments).
 */
final class HardCapClient implements AutoCloseable {

    static final long INPUT_TOKENS = 800;
    static final long OUTPUT_TOKENS = 200;
    private static final Duration MONTH_END_MARGIN = Duration.ofSeconds(3);

    /** What the client saw. */
    record Stats(long allowed, long refused, long unavailable, long unavailableWithoutRetryAfter, long noAnswer,
                 long allowedAfterRefused, long otherErrors) {
    }

    private final List<String> capsUrls;
    private final String ingestKey;
    private final IngestClient ingest;
    private final ClusterClock clock;
    private final String customer;
    private final String runId;
    private final Set<YearMonth> refusedMonths = new HashSet<>();
    /** Per month, the cost of the usage sent for allowed calls (each costs {@link #callCost()}). */
    private final Map<YearMonth, Long> sentCost = new ConcurrentHashMap<>();
    private final AtomicLong allowed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong withoutRetryAfter = new AtomicLong();
    private final AtomicLong noAnswer = new AtomicLong();
    private final AtomicLong allowedAfterRefused = new AtomicLong();
    private final AtomicLong otherErrors = new AtomicLong();
    private final PacedLoop loop;
    private long sequence;
    private int next;

    HardCapClient(List<String> capsUrls, String ingestKey, IngestClient ingest, ClusterClock clock, String customer,
                  int callsPerSecond, String runId) {
        this.capsUrls = List.copyOf(capsUrls);
        this.ingestKey = ingestKey;
        this.ingest = ingest;
        this.clock = clock;
        this.customer = customer;
        this.runId = runId;
        this.loop = new PacedLoop("hard-cap-client", Duration.ofMillis(1000 / callsPerSecond), this::step);
    }

    /** The worst-case cost of one call at the default price book's gpt-4o prices (2.5 and 10 µ¢ per token). */
    static long callCost() {
        return INPUT_TOKENS * 25 / 10 + OUTPUT_TOKENS * 10;
    }

    /** Per month, what the usage sent for allowed calls cost, as the gateway reckons it (not as caps counted it). */
    Map<YearMonth, Long> sentCost() {
        return Map.copyOf(sentCost);
    }

    Stats stats() {
        return new Stats(allowed.get(), refused.get(), unavailable.get(), withoutRetryAfter.get(), noAnswer.get(),
                allowedAfterRefused.get(), otherErrors.get());
    }

    /** Stops asking; returns once the call in progress (and its usage) is done. */
    void pause() {
        loop.pause();
    }

    void resume() {
        loop.resume();
    }

    @Override
    public void close() {
        loop.close();
    }

    private void step() {
        Instant at = clock.now();
        if (!nearMonthEnd(at)) {
            decide(at);
        }
    }

    private void decide(Instant at) {
        String body = "{\"customer\":\"" + customer + "\",\"project\":\"cluster\",\"model\":\"" + SentEvent.MODEL
                + "\",\"provider\":\"" + SentEvent.PROVIDER + "\",\"estimatedInputTokens\":" + INPUT_TOKENS
                + ",\"maxOutputTokens\":" + OUTPUT_TOKENS + "}";
        String url = capsUrls.get(Math.floorMod(next++, capsUrls.size()));
        Http.Answer answer = Http.post(url + "/v1/authorize", ingestKey, body);
        if (answer.status() == 0) {
            noAnswer.incrementAndGet();
            return;
        }
        if (answer.status() == 503) {
            unavailable.incrementAndGet();
            if (answer.retryAfter().isEmpty()) {
                withoutRetryAfter.incrementAndGet();
            }
            return;
        }
        if (answer.status() != 200) {
            otherErrors.incrementAndGet();
            LocalCluster.log("authorize answered %d %s", answer.status(), answer.json());
            return;
        }
        YearMonth month = YearMonth.from(at.atZone(ZoneOffset.UTC));
        JsonNode decision = answer.json();
        if (!decision.path("allowed").asBoolean()) {
            refused.incrementAndGet();
            refusedMonths.add(month);
            return;
        }
        allowed.incrementAndGet();
        // what the call's usage costs, whatever the answer reserved (an answer that saw no cap reserves nothing)
        sentCost.merge(month, callCost(), Math::addExact);
        if (refusedMonths.contains(month)) {
            allowedAfterRefused.incrementAndGet();
            LocalCluster.log("authorize at %s allowed %s again in %s after refusing it: %s", url, customer, month, decision);
        }
        ingest.send(List.of(new SentEvent(runId + "-capped-" + sequence++, customer, at, INPUT_TOKENS, OUTPUT_TOKENS,
                Optional.ofNullable(decision.path("reservationId").asText(null)))));
    }

    private boolean nearMonthEnd(Instant at) {
        Instant start = YearMonth.from(at.atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = YearMonth.from(at.atZone(ZoneOffset.UTC)).plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Duration.between(start, at).compareTo(MONTH_END_MARGIN) < 0 || Duration.between(at, end).compareTo(MONTH_END_MARGIN) < 0;
    }
}
