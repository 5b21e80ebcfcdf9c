package io.microcent.console.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;

/** Each session's flash until its next page, at most a few minutes. */
final class FlashStore {

    private final Cache<String, Flash> flashes = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5)).maximumSize(100_000).build();

    void put(String sessionId, Flash flash) {
        flashes.put(sessionId, flash);
    }

    Flash take(String sessionId) {
        Flash flash = flashes.asMap().remove(sessionId);
        return flash == null ? Flash.NONE : flash;
    }
}
