package io.microcent.platform.embedded;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's packaged binaries) run as a child process, with its data
 * kept in {@code dataDir/pgdata} so that a restart on the same directory keeps every table.
 *
 * <p>{@code initdb} runs only on the first start. A {@code postmaster.pid} left behind by a JVM
 * that died without stopping PostgreSQL is dealt with before starting (see
 * {@link #clearStalePostmaster(Path)}), because zonky does not handle it for a kept directory.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";
    /** zonky's lock file: held by the JVM that currently runs a server on the directory. */
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final String POSTMASTER_PID = "postmaster.pid";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts PostgreSQL with durable settings (every commit is flushed to disk). */
    public static EmbeddedPostgres start(Path dataDir) {
        // zonky turns synchronous_commit off by default; billing data must not vanish on a crash.
        return start(dataDir, Map.of("synchronous_commit", "on"));
    }

    /**
     * Starts PostgreSQL with extra server settings ({@code -c name=value}), e.g. {@code fsync=off}
     * for throwaway test databases where speed matters more than crash safety.
     */
    public static EmbeddedPostgres start(Path dataDir, Map<String, String> serverSettings) {
        long startedAt = System.nanoTime();
        Path root = dataDir.toAbsolutePath();
        Path pgData = root.resolve("pgdata");
        createDirectories(pgData);
        clearStalePostmaster(pgData);

        // Server output goes to a file rather than through zonky's logging threads: no stray
        // threads (this also runs inside the Maven JVM for code generation) and a log to read.
        Redirect serverLog = Redirect.appendTo(root.resolve("postgres.log").toFile());
        var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPGStartupWait(STARTUP_WAIT)
                // zonky's own JVM shutdown hook would stop the server first, under the services still using
                // it; its owner stops it in order instead (the all-in-one after its services, the test fixture
                // at JVM exit). A JVM that dies without closing leaves it running: the next start stops it.
                .setRegisterShutdownHook(false)
                .setOutputRedirector(serverLog)
                .setErrorRedirector(serverLog);
        serverSettings.forEach(builder::setServerConfig);
        try {
            var postgres = builder.start();
            EmbeddedPostgres started = new EmbeddedPostgres(postgres, pgData);
            log.info("Embedded PostgreSQL ready at {} (data {}) in {} ms", started.jdbcUrl(), pgData,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + pgData
                    + " (see " + root.resolve("postgres.log") + ")", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    /** Empty: the embedded server trusts local connections (initdb -A trust). */
    public String password() {
        return "";
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server ({@code pg_ctl stop -m fast}); the data directory is kept. */
    @Override
    public void close() {
        long startedAt = System.nanoTime();
        try {
            postgres.close();
            log.info("Embedded PostgreSQL on {} stopped in {} ms", dataDirectory,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgres[" + jdbcUrl() + ", " + dataDirectory + "]";
    }

    /**
     * Stops a server that a JVM which died without closing it left running on {@code dataDir}
     * (the directory given to {@link #start(Path)}), so the directory can be reused or deleted.
     * Does nothing if no such server exists.
     */
    public static void stopLeftoverServer(Path dataDir) {
        Path pgData = dataDir.toAbsolutePath().resolve("pgdata");
        if (Files.isDirectory(pgData)) {
            clearStalePostmaster(pgData);
        }
    }

    /**
     * If a previous JVM died without stopping PostgreSQL, its {@code postmaster.pid} is still
     * there and either points at an orphaned server still running on this directory (stopped
     * here) or at a dead or recycled process id (the file is removed). A directory in use by a
     * live JVM is refused rather than touched.
     */
    static void clearStalePostmaster(Path pgData) {
        Path pidFile = pgData.resolve(POSTMASTER_PID);
        if (!Files.exists(pidFile)) {
            return;
        }
        ensureNotOwnedByLiveJvm(pgData);

        Optional<Long> pid = readPid(pidFile);
        Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.warn("Removing stale {} (process {} is gone)", pidFile, pid.map(String::valueOf).orElse("?"));
            deleteIfExists(pidFile);
            return;
        }
        ProcessHandle handle = process.get();
        Optional<String> command = handle.info().command();
        if (command.isEmpty()) {
            throw new IllegalStateException(pidFile + " names live process " + handle.pid()
                    + " whose command cannot be read; stop it or remove the file by hand");
        }
        if (!command.get().endsWith("postgres")) {
            log.warn("Removing stale {} (process {} is now {}, not PostgreSQL)", pidFile, handle.pid(), command.get());
            deleteIfExists(pidFile);
            return;
        }
        log.warn("Stopping orphaned PostgreSQL {} left running on {} by a previous JVM", handle.pid(), pgData);
        stopOrphan(handle);
        deleteIfExists(pidFile);
    }

    private static void ensureNotOwnedByLiveJvm(Path pgData) {
        Path lockFile = pgData.resolve(ZONKY_LOCK_FILE);
        try (FileOutputStream out = new FileOutputStream(lockFile.toFile());
             FileLock lock = out.getChannel().tryLock()) {
            if (lock == null) {
                throw new IllegalStateException(pgData + " is in use by another running process");
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException(pgData + " is in use by this JVM already", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM is PostgreSQL's "smart" shutdown; its clients died with the old JVM, so it ends promptly. */
    private static void stopOrphan(ProcessHandle postmaster) {
        postmaster.destroy();
        try {
            postmaster.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("Orphaned PostgreSQL {} ignored SIGTERM for {}; killing it", postmaster.pid(), ORPHAN_STOP_WAIT);
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not stop orphaned PostgreSQL " + postmaster.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping orphaned PostgreSQL", e);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + dir, e);
        }
    }
}
