package io.microcent.deploy.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One JVM of the local cluster, started from a fixed command line, environment, data directory and ports, so a
 * {@link #restart()} after {@link #kill()} comes back as the same member (same instance id, log directory, port).
 * Its output is appended to one log file per process.
 */
public final class ClusterProcess {

    /** How the harness tells that the process serves again. */
    @FunctionalInterface
    interface Readiness {
        boolean ready(ClusterProcess process);
    }

    private static final Duration KILL_WAIT = Duration.ofSeconds(30);

    private final String name;
    private final ProcessKind kind;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final Optional<String> baseUrl;
    private final Readiness readiness;
    private volatile Process process;

    ClusterProcess(String name, ProcessKind kind, List<String> command, Map<String, String> environment, Path log,
                   Optional<String> baseUrl, Readiness readiness) {
        this.name = name;
        this.kind = kind;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.baseUrl = baseUrl;
        this.readiness = readiness;
    }

    public String name() {
        return name;
    }

    public ProcessKind kind() {
        return kind;
    }

    /** A service's {@code http://127.0.0.1:port}, a broker's {@code 127.0.0.1:port}. */
    public Optional<String> baseUrl() {
        return baseUrl;
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    synchronized void start() {
        if (alive()) {
            throw new IllegalStateException(name + " is running already");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.writeString(log, "\n=== " + java.time.Instant.now() + " start " + name + " ===\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** SIGKILL (no shutdown hook runs), and waits until the process is gone. */
    public synchronized void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        try {
            if (!p.waitFor(KILL_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not die within " + KILL_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts it again on the same data directory and ports, and waits until it serves. */
    public void restart(Duration within) {
        start();
        awaitReady(within);
    }

    /** Waits until the process serves; fails at once if it died, pointing at its log. */
    void awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!readiness.ready(this)) {
            if (!alive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready after " + within + "; see " + log);
            }
            Pause.of(Duration.ofMillis(250));
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
