package io.microcent.caps.authorize;

import io.microcent.caps.spend.CapsTopologyDriver;
import io.microcent.caps.spend.ScopeIds;
import io.microcent.model.caps.CapDefinition;
import io.microcent.model.id.CustomerId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.microcent.caps.spend.CapDefinitions.hardMonthly;
import static io.microcent.caps.spend.RatedUsages.usage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads authorize calls for one customer at once while its usage is rated (settling reservations)
 * on the topology's thread: at no point may spend plus open reservations pass the hard cap, and no call
 * is refused that would have fitted.
 */
class ConcurrentAuthorizationTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    private static final CustomerId ACME = CustomerId.of("acme");
    private static final long CAP = 1_000_000;
    private static final int THREADS = 16;
    private static final int CALLS_PER_THREAD = 400;

    @TempDir
    Path stateDir;

    private CapsTopologyDriver driver;
    private CustomerLocks locks;
    private ReservationBook reservations;
    private Authorizer authorizer;

    @BeforeEach
    void start() {
        locks = new CustomerLocks();
        reservations = new ReservationBook(locks);
        driver = new CapsTopologyDriver(stateDir, reservations, NOV_1);
        authorizer = new Authorizer(DriverStoreBytes.readsOf(driver), reservations, ReservationLog.IN_MEMORY, locks, Estimators.perToken(), Duration.ofMinutes(5));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void concurrentCallsAreNeverAllowedPastAHardCap() throws Exception {
        CapDefinition cap = hardMonthly("cap_hard", ACME, CAP);
        driver.caps(ACME, NOV_1, cap);
        driver.send(usage(ACME, NOV_1.plusSeconds(1)).charge(100_003).rated());

        BlockingQueue<Authorization> toSettle = new LinkedBlockingQueue<>();
        ConcurrentLinkedQueue<String> overruns = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> wrongRefusals = new ConcurrentLinkedQueue<>();
        AtomicInteger allowed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> callers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            callers.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    long tokens = ThreadLocalRandom.current().nextLong(1, 5_000);
                    Authorization answer = authorizer.authorize(call(tokens), NOW);
                    if (answer.allowed()) {
                        allowed.incrementAndGet();
                        toSettle.add(answer);
                    } else {
                        refused.incrementAndGet();
                        if (answer.remainingMicrocents().value() >= tokens) {
                            wrongRefusals.add(tokens + " refused with " + answer.remainingMicrocents() + " left");
                        }
                    }
                    long committed = committed(cap);
                    if (committed > CAP) {
                        overruns.add("spend + reservations reached " + committed);
                    }
                }
                return null;
            }));
        }

        go.countDown();
        // the topology's thread: rate the usage of allowed calls, each costing half its worst case
        int settled = 0;
        while (!allDone(callers) || !toSettle.isEmpty()) {
            Authorization answer = toSettle.poll(10, TimeUnit.MILLISECONDS);
            if (answer != null) {
                driver.send(usage(ACME, NOW).reservation(answer.reservationId())
                        .charge(answer.reservedMicrocents().value() / 2).rated());
                settled++;
            }
        }
        for (Future<?> caller : callers) {
            caller.get();
        }
        pool.shutdown();

        assertThat(overruns).isEmpty();
        assertThat(committed(cap)).isLessThanOrEqualTo(CAP);
        assertThat(allowed.get()).isEqualTo(settled).isPositive();
        // demand was far above the cap: calls were refused, each only because it did not fit any more
        assertThat(refused.get()).isPositive();
        assertThat(wrongRefusals).isEmpty();
        assertThat(reservations.openCount(ACME, NOW)).isZero();
    }

    /** Rated spend plus open reservations, read as one decision would. */
    private long committed(CapDefinition cap) {
        return locks.call(ACME, () -> {
            CapStanding standing = authorizer.standingOf(cap, NOW);
            return standing.spent().plus(standing.reserved()).value();
        });
    }

    private static boolean allDone(List<Future<?>> futures) {
        return futures.stream().allMatch(Future::isDone);
    }

    private static CallRequest call(long tokens) {
        return new CallRequest(ACME, ScopeIds.of(ACME, null, null, null, null, null), null, tokens, 0);
    }
}
