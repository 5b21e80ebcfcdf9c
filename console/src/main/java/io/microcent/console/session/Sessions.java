package io.microcent.console.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed-in sessions, in memory: a session ends after its idle time, at sign-out, or when the console
 * restarts (operators sign in again; nothing else is lost, the console holds no state of its own).
 */
public final class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cache<String, Session> sessions;

    public Sessions(Duration idle) {
        this.sessions = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(100_000).build();
    }

    public Session open(String token, Role role) {
        Session session = new Session(randomToken(), token, role, randomToken());
        sessions.put(session.id(), session);
        return session;
    }

    public Optional<Session> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(sessions.getIfPresent(id));
    }

    public void close(String id) {
        sessions.invalidate(id);
    }

    /** 256 random bits, URL-safe: session ids and CSRF tokens. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
