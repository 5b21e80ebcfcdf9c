package io.microcent.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.microcent.platform.db.Database;
import io.microcent.platform.embedded.EmbeddedKafka;
import io.microcent.platform.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Kafka broker and PostgreSQL server that every test in a JVM shares, started on first
 * use and stopped when the JVM exits. Starting them once per test JVM (surefire keeps one fork
 * per module) is what keeps the suites fast.
 *
 * <p>Where they come from is decided in {@link #choose} and nowhere else, for each of the two:
 * <ol>
 *   <li>{@code MICROCENT_KAFKA_BOOTSTRAP} / {@code MICROCENT_DATABASE_URL} (with
 *       {@code MICROCENT_DATABASE_USER}, {@code MICROCENT_DATABASE_PASSWORD}) name servers that
 *       already run;</li>
 *   <li>otherwise Testcontainers, if it finds a Docker engine;</li>
 *   <li>otherwise the in-process {@link EmbeddedKafka} and a local {@link EmbeddedPostgres},
 *       in a fresh directory of this JVM's own under the {@code microcent.test.dir} system
 *       property (surefire sets it to {@code target/test-infra}) or a temporary directory.</li>
 * </ol>
 * {@code MICROCENT_TEST_BACKEND} (or the system property {@code microcent.test.backend}) set to
 * {@code embedded} or {@code testcontainers} skips the Docker probe and forces that choice.
 */
public final class TestInfrastructure {

    /** Where the servers come from. */
    public enum Backend { EXTERNAL, TESTCONTAINERS, EMBEDDED }

    public static final String TEST_DIR_PROPERTY = "microcent.test.dir";

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final int POOL_SIZE = 8;

    private static final String RUN_DIR_PREFIX = "run-";

    private static TestInfrastructure instance;
    private static RuntimeException startFailure;
    private static Path runDir;
    private static boolean runDirIsTemporary;
    private static Boolean dockerAvailable;

    private final Backend kafkaBackend;
    private final Backend databaseBackend;
    private final String kafkaBootstrap;
    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;
    private final Database database;

    private TestInfrastructure(Backend kafkaBackend, String kafkaBootstrap, Backend databaseBackend,
                               String jdbcUrl, String dbUser, String dbPassword, Database database) {
        this.kafkaBackend = kafkaBackend;
        this.kafkaBootstrap = kafkaBootstrap;
        this.databaseBackend = databaseBackend;
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.database = database;
    }

    /** The shared servers, started on the first call. A failed start is reported to every later caller. */
    public static synchronized TestInfrastructure get() {
        if (startFailure != null) {
            throw new IllegalStateException("the shared test infrastructure failed to start earlier", startFailure);
        }
        if (instance == null) {
            try {
                instance = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return instance;
    }

    /**
     * A new, empty directory for one test's files (for servers of its own, e.g. a restart test),
     * inside this JVM's own run directory.
     */
    public static synchronized Path newTempDir(String name) {
        Path parent = runDir().resolve("tmp");
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String dbUser() {
        return dbUser;
    }

    public String dbPassword() {
        return dbPassword;
    }

    /** One pool for the whole test JVM; do not close it. */
    public Database database() {
        return database;
    }

    public Backend kafkaBackend() {
        return kafkaBackend;
    }

    public Backend databaseBackend() {
        return databaseBackend;
    }

    private static TestInfrastructure start() {
        long startedAt = System.nanoTime();
        // Everything started is stopped at JVM exit in reverse order, even after a partial start.
        List<AutoCloseable> started = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(started), "microcent-test-infra-stop"));

        Backend kafkaBackend = choose("MICROCENT_KAFKA_BOOTSTRAP");
        Backend databaseBackend = choose("MICROCENT_DATABASE_URL");
        log.info("Test infrastructure: Kafka from {}, PostgreSQL from {}", kafkaBackend, databaseBackend);

        Path embeddedDir = runDir().resolve("embedded");

        String kafkaBootstrap = switch (kafkaBackend) {
            case EXTERNAL -> System.getenv("MICROCENT_KAFKA_BOOTSTRAP");
            case TESTCONTAINERS -> Containers.startKafka(started);
            case EMBEDDED -> {
                EmbeddedKafka kafka = EmbeddedKafka.start(embeddedDir.resolve("kafka"));
                started.add(kafka);
                yield kafka.bootstrapServers();
            }
        };

        String jdbcUrl;
        String user;
        String password;
        switch (databaseBackend) {
            case EXTERNAL -> {
                jdbcUrl = System.getenv("MICROCENT_DATABASE_URL");
                user = envOrDefault("MICROCENT_DATABASE_USER", "postgres");
                password = envOrDefault("MICROCENT_DATABASE_PASSWORD", "");
            }
            case TESTCONTAINERS -> {
                Containers.Postgres postgres = Containers.startPostgres(started);
                jdbcUrl = postgres.jdbcUrl();
                user = postgres.user();
                password = postgres.password();
            }
            default -> {
                // Test data is thrown away, so crash safety is traded for speed.
                EmbeddedPostgres postgres = EmbeddedPostgres.start(embeddedDir.resolve("postgres"),
                        Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));
                started.add(postgres);
                jdbcUrl = postgres.jdbcUrl();
                user = postgres.user();
                password = postgres.password();
            }
        }

        Database database = Database.connect(jdbcUrl, user, password, POOL_SIZE);
        started.add(database);
        log.info("Test infrastructure ready in {} ms: Kafka {} ({}), PostgreSQL {} ({})",
                (System.nanoTime() - startedAt) / 1_000_000, kafkaBootstrap, kafkaBackend, jdbcUrl, databaseBackend);
        return new TestInfrastructure(kafkaBackend, kafkaBootstrap, databaseBackend, jdbcUrl, user, password, database);
    }

    /** The single place where a backend is chosen. */
    private static Backend choose(String externalEnvVariable) {
        if (isSet(System.getenv(externalEnvVariable))) {
            return Backend.EXTERNAL;
        }
        String forced = System.getProperty("microcent.test.backend", System.getenv("MICROCENT_TEST_BACKEND"));
        if (isSet(forced)) {
            Backend backend = Backend.valueOf(forced.strip().toUpperCase(Locale.ROOT));
            if (backend == Backend.EXTERNAL) {
                throw new IllegalStateException("backend EXTERNAL needs " + externalEnvVariable + " to be set");
            }
            return backend;
        }
        return dockerAvailable() ? Backend.TESTCONTAINERS : Backend.EMBEDDED;
    }

    private static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            try {
                dockerAvailable = Containers.dockerAvailable();
            } catch (LinkageError e) { // Testcontainers is not on this module's test classpath
                dockerAvailable = false;
            }
        }
        return dockerAvailable;
    }

    /**
     * This JVM's own directory, {@code run-<pid>} under {@code microcent.test.dir} (or under a new
     * temporary directory). Several builds may test the same module at once (e.g. two engineers in
     * one work tree), so no JVM may clean a directory that another one uses: each cleans only the
     * run directories of JVMs that are gone, stopping any PostgreSQL they left running first.
     */
    private static synchronized Path runDir() {
        if (runDir == null) {
            String configured = System.getProperty(TEST_DIR_PROPERTY);
            try {
                Path root;
                if (isSet(configured)) {
                    root = Path.of(configured).toAbsolutePath();
                    Files.createDirectories(root);
                    removeRunDirsOfDeadJvms(root);
                } else {
                    root = Files.createTempDirectory("microcent-test-");
                    runDirIsTemporary = true;
                }
                runDir = root.resolve(RUN_DIR_PREFIX + ProcessHandle.current().pid());
                // left by an earlier JVM that had the same process id
                stopLeftoverPostgres(runDir);
                deleteRecursively(runDir);
                Files.createDirectories(runDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return runDir;
    }

    private static void removeRunDirsOfDeadJvms(Path root) throws IOException {
        long self = ProcessHandle.current().pid();
        try (Stream<Path> children = Files.list(root)) {
            for (Path dir : children.filter(Files::isDirectory).toList()) {
                String name = dir.getFileName().toString();
                if (!name.startsWith(RUN_DIR_PREFIX)) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(name.substring(RUN_DIR_PREFIX.length()));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid == self || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                try {
                    stopLeftoverPostgres(dir);
                    deleteRecursively(dir);
                } catch (RuntimeException e) {
                    log.warn("Could not remove {} of a finished test JVM: {}", dir, e.toString());
                }
            }
        }
    }

    /** A killed test JVM leaves its PostgreSQL child processes running; they would hold the files. */
    private static void stopLeftoverPostgres(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir, 5)) {
            files.filter(file -> file.getFileName().toString().equals("postmaster.pid"))
                    .map(pidFile -> pidFile.getParent().getParent()) // <dataDir>/pgdata/postmaster.pid
                    .toList()
                    .forEach(EmbeddedPostgres::stopLeftoverServer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stopAll(List<AutoCloseable> started) {
        for (AutoCloseable resource : started.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Could not stop {}: {}", resource, e.toString());
            }
        }
        synchronized (TestInfrastructure.class) {
            if (runDirIsTemporary) {
                try {
                    deleteRecursively(runDir.getParent());
                } catch (UncheckedIOException e) {
                    log.debug("Could not remove {}: {}", runDir.getParent(), e.toString());
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not empty " + dir, e);
        }
    }

    private static String envOrDefault(String name, String fallback) {
        String value = System.getenv(name);
        return value != null ? value : fallback;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
