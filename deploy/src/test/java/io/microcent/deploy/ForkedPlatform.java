package io.microcent.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The all-in-one in a JVM of its own ({@code io.microcent.deploy.Main}, the launcher users run), so that a
 * test can kill it the hard way: SIGKILL, no shutdown hook, no flush, no goodbye to the broker or the
 * database. Its embedded PostgreSQL outlives it, as it would after a real crash; the next start on the
 * data directory deals with it. It runs on the real clock.
 */
final class ForkedPlatform implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final Microcent api;

    private ForkedPlatform(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.api = new Microcent(port, TestPlatform.OPERATOR_TOKEN);
    }

    /** Starts the all-in-one on {@code dataDir}, its output going to {@code log}, and waits until it is ready. */
    static ForkedPlatform start(Path dataDir, Path log) {
        int port = freePort();
        String javaCommand = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder builder = new ProcessBuilder(List.of(javaCommand, "-Xmx768m", "-cp", System.getProperty("java.class.path"), Main.class.getName()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(Map.of(
                "MICROCENT_DATA_DIR", dataDir.toString(),
                "MICROCENT_PORT", String.valueOf(port),
                "MICROCENT_HOST", "127.0.0.1",
                "MICROCENT_ADMIN_TOKEN", TestPlatform.OPERATOR_TOKEN));
        try {
            ForkedPlatform started = new ForkedPlatform(builder.start(), log, port);
            started.awaitReady();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Microcent api() {
        return api;
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the forked platform died").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitReady() {
        await().atMost(TestPlatform.READY_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("the forked platform stopped; its output:%n%s", output()).isTrue();
            try {
                return api.get("/health/ready", null).status() == 200;
            } catch (UncheckedIOException notListeningYet) {
                return false;
            }
        });
    }

    private String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
