package io.microcent.console.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wrong tokens are rate limited per client address: after {@code maxFailures} in a window, sign-in is refused
 * until the window (which starts at the first failure) has passed, so a token cannot be guessed by trying.
 */
public final class SignInThrottle {

    private final int maxFailures;
    private final Duration window;
    private final Cache<String, AtomicInteger> failures;

    public SignInThrottle(int maxFailures, Duration window) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.failures = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
    }

    public boolean blocked(String client) {
        AtomicInteger count = failures.getIfPresent(client);
        return count != null && count.get() >= maxFailures;
    }

    public void failed(String client) {
        failures.get(client, c -> new AtomicInteger()).incrementAndGet();
    }

    public void succeeded(String client) {
        failures.invalidate(client);
    }

    public Duration window() {
        return window;
    }
}
