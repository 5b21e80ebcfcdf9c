package io.microcent.platform.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets the first request of a new server through before any other. Javalin builds part of its request
 * handling lazily, on the first request, with a lazy value that is not safe to share between threads: two
 * requests arriving together at a server that just opened (clients retrying against a restarted instance)
 * could see it half made, a {@code NullPointerException} answered 500. The others wait until the first has
 * been handed to the application, at most {@link #MOST_WAIT} (a first request that stays open, such as a
 * stream of server-sent events, holds nobody longer than that; the lazy value is made in its first moments).
 */
final class FirstRequestFirst extends Handler.Wrapper {

    static final Duration MOST_WAIT = Duration.ofSeconds(2);

    private final AtomicBoolean firstTaken = new AtomicBoolean();
    private final CountDownLatch firstHandled = new CountDownLatch(1);

    FirstRequestFirst(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (firstHandled.getCount() == 0) {
            return super.handle(request, response, callback);
        }
        if (firstTaken.compareAndSet(false, true)) {
            try {
                return super.handle(request, response, callback);
            } finally {
                firstHandled.countDown();
            }
        }
        firstHandled.await(MOST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return super.handle(request, response, callback);
    }
}
