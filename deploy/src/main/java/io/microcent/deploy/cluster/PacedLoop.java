package io.microcent.deploy.cluster;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a step every {@code interval} on a thread of its own until closed. A step that takes longer holds up the
 * next (the pace drops, nothing piles up). {@link #pause()} returns once the step in progress has finished, so a
 * check can read the system with nothing in flight.
 */
final class PacedLoop implements AutoCloseable {

    private final Runnable step;
    private final Duration interval;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean paused = new AtomicBoolean();
    private final Object stepping = new Object();
    private final Thread thread;

    PacedLoop(String name, Duration interval, Runnable step) {
        this.step = step;
        this.interval = interval;
        this.thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    void pause() {
        paused.set(true);
        synchronized (stepping) {
            // the step in progress, if any, has finished
        }
    }

    void resume() {
        paused.set(false);
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(Duration.ofMinutes(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long nextAt = System.nanoTime();
        while (running.get()) {
            synchronized (stepping) {
                if (!paused.get()) {
                    step.run();
                }
            }
            nextAt += interval.toNanos();
            long wait = nextAt - System.nanoTime();
            if (wait > 0) {
                Pause.of(Duration.ofNanos(wait));
            } else {
                nextAt = System.nanoTime(); // behind after a failover: carry on at the pace, do not burst
            }
        }
    }
}
