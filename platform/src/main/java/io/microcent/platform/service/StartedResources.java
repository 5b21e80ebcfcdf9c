package io.microcent.platform.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a service (or the all-in-one) has started, closed last-started-first. A failure to close one
 * resource is logged and the rest are still closed, so a half-started service can always be torn down.
 */
public final class StartedResources implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StartedResources.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    /** Remembers {@code resource} for {@link #close()} and returns it. */
    public synchronized <T extends AutoCloseable> T push(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("could not stop {} cleanly", resource, e);
            }
        }
    }
}
