package io.microcent.platform.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FirstRequestFirstTest {

    /** Counts who is inside at once; the first request stays until released. */
    private static final class Application extends Handler.Abstract {
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostInsideWithTheFirst = new AtomicInteger();
        final AtomicInteger handled = new AtomicInteger();
        final CountDownLatch firstEntered = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            int now = inside.incrementAndGet();
            try {
                if (handled.getAndIncrement() == 0) {
                    firstEntered.countDown();
                    releaseFirst.await();
                } else if (releaseFirst.getCount() > 0) {
                    mostInsideWithTheFirst.accumulateAndGet(now, Math::max);
                }
                return true;
            } finally {
                inside.decrementAndGet();
            }
        }
    }

    @Test
    void noRequestIsHandledWhileTheFirstIsBeingHandedToTheApplication() throws Exception {
        Application application = new Application();
        FirstRequestFirst gate = new FirstRequestFirst(application);
        try (ExecutorService threads = Executors.newFixedThreadPool(9)) {
            Future<Boolean> first = threads.submit(() -> gate.handle(null, null, Callback.NOOP));
            assertThat(application.firstEntered.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<Boolean>> others = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                others.add(threads.submit(() -> gate.handle(null, null, Callback.NOOP)));
            }
            Thread.sleep(300);

            assertThat(application.handled.get()).as("the others wait while the first is inside").isEqualTo(1);
            application.releaseFirst.countDown();
            assertThat(first.get()).isTrue();
            for (Future<Boolean> other : others) {
                assertThat(other.get()).isTrue();
            }
            assertThat(application.handled.get()).isEqualTo(9);
            assertThat(application.mostInsideWithTheFirst.get()).isZero();
        }
    }

    @Test
    void aFirstRequestThatStaysOpenHoldsTheOthersNoLongerThanTheMostWait() throws Exception {
        Application application = new Application();
        FirstRequestFirst gate = new FirstRequestFirst(application);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            threads.submit(() -> gate.handle(null, null, Callback.NOOP));
            assertThat(application.firstEntered.await(5, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            Future<Boolean> second = threads.submit(() -> gate.handle(null, null, Callback.NOOP));

            assertThat(second.get(FirstRequestFirst.MOST_WAIT.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(FirstRequestFirst.MOST_WAIT.minusMillis(50));
            application.releaseFirst.countDown();
        }
    }
}
