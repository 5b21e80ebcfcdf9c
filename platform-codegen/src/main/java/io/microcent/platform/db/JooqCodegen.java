package io.microcent.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.microcent.platform.embedded.EmbeddedPostgres;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Logging;
import org.jooq.meta.jaxb.Target;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates jOOQ classes for one service schema from the schema as the migrations really leave
 * it: a throwaway PostgreSQL is started, the schema's Flyway migrations run on it, and jOOQ reads
 * the result. Parsing DDL instead would miss whatever PostgreSQL itself decides (defaults,
 * generated columns, types of expressions).
 *
 * <p>Run at build time by {@code exec:java} inside the Maven JVM, on the service module's test classpath
 * (see the root pom's {@code jooq-codegen} execution), so it must leave nothing running: the database is stopped
 * and its directory deleted before returning.
 *
 * <p>Arguments: schema name, migrations directory, output directory, target package.
 */
public final class JooqCodegen {

    private static final Logger log = LoggerFactory.getLogger(JooqCodegen.class);

    /** Bump when the generator settings below change, so existing output is regenerated. */
    private static final String SETTINGS_VERSION = "1";
    private static final String FINGERPRINT_FILE = ".jooq-codegen-fingerprint";

    private JooqCodegen() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException(
                    "usage: JooqCodegen <schema> <migrations dir> <output dir> <target package>, got " + List.of(args));
        }
        // jOOQ prints a banner and tips on first use; noise in a build log.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        quietenLibraryLogging();
        long startedAt = System.nanoTime();
        boolean generated = generate(args[0], Path.of(args[1]), Path.of(args[2]), args[3]);
        // The one line a build log should show is printed directly, whatever logging the classpath has.
        System.out.printf("jooq-codegen: schema %s -> %s (package %s): %s in %d ms%n", args[0], args[2], args[3],
                generated ? "generated" : "up to date", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
    }

    /**
     * Generates the classes unless the output already matches these exact migrations and
     * settings (a fingerprint file in the output directory records what it was made from).
     *
     * @return true if code was generated, false if the existing output was up to date
     */
    public static boolean generate(String schema, Path migrationsDir, Path outputDir, String targetPackage) {
        if (schema.contains("${")) {
            throw new IllegalArgumentException("jooq.schema is not set: a module using the jooq-codegen execution needs "
                    + "<properties><jooq.schema>its schema</jooq.schema></properties>");
        }
        Database.requireSchemaName(schema);
        if (!Files.isDirectory(migrationsDir)) {
            throw new IllegalArgumentException("no migrations directory for schema " + schema + ": " + migrationsDir);
        }
        String fingerprint = fingerprint(schema, migrationsDir, targetPackage);
        Path fingerprintFile = outputDir.resolve(FINGERPRINT_FILE);
        Path packageDir = outputDir.resolve(targetPackage.replace('.', '/'));
        if (fingerprint.equals(readIfExists(fingerprintFile)) && Files.isDirectory(packageDir)) {
            log.info("jOOQ classes for schema {} are up to date in {}", schema, outputDir);
            return false;
        }

        long startedAt = System.nanoTime();
        Path workDir = createTempDirectory("jooq-codegen-" + schema + "-");
        try {
            // Nothing here needs to survive a crash, so trade durability for speed.
            try (EmbeddedPostgres postgres = EmbeddedPostgres.start(workDir,
                    Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"))) {
                DataSource dataSource = dataSource(postgres);
                Database.flyway(dataSource, schema, "filesystem:" + migrationsDir.toAbsolutePath()).migrate();
                runJooq(dataSource, schema, outputDir, targetPackage);
            }
            writeString(fingerprintFile, fingerprint);
            log.info("Generated jOOQ classes for schema {} into {} (package {}) in {} ms", schema, outputDir,
                    targetPackage, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
            return true;
        } finally {
            deleteRecursively(workDir);
        }
    }

    private static void runJooq(DataSource dataSource, String schema, Path outputDir, String targetPackage) {
        Configuration configuration = new Configuration()
                .withLogging(Logging.WARN)
                .withGenerator(new Generator()
                        .withDatabase(new org.jooq.meta.jaxb.Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withInputSchema(schema)
                                .withExcludes("flyway_schema_history"))
                        .withGenerate(new Generate()
                                .withRecords(true)
                                .withPojos(false)
                                .withDaos(false)
                                .withJavaTimeTypes(true)
                                // a timestamp in every file would make each build's output differ
                                .withGeneratedAnnotation(false))
                        .withTarget(new Target()
                                .withPackageName(targetPackage)
                                .withDirectory(outputDir.toAbsolutePath().toString())
                                .withClean(true)));
        try (Connection connection = dataSource.getConnection()) {
            GenerationTool tool = new GenerationTool();
            tool.setConnection(connection);
            tool.run(configuration);
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to the code generation database", e);
        } catch (Exception e) {
            throw new IllegalStateException("jOOQ code generation failed for schema " + schema, e);
        }
    }

    private static DataSource dataSource(EmbeddedPostgres postgres) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl());
        dataSource.setUser(postgres.user());
        dataSource.setPassword(postgres.password());
        return dataSource;
    }

    /** Hash of everything the output depends on: inputs, jOOQ version and generator settings. */
    private static String fingerprint(String schema, Path migrationsDir, String targetPackage) {
        try (Stream<Path> files = Files.walk(migrationsDir)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, SETTINGS_VERSION, schema, targetPackage, org.jooq.Constants.FULL_VERSION);
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                update(digest, migrationsDir.relativize(file).toString());
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String... parts) {
        for (String part : parts) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
    }

    /**
     * With logback on the classpath (run by hand, or by exec:java on a service's test classpath) and
     * no configuration, everything would be logged at DEBUG; only this tool's progress is worth reading.
     */
    private static void quietenLibraryLogging() {
        try {
            if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
                context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
                context.getLogger("io.microcent").setLevel(ch.qos.logback.classic.Level.INFO);
            }
        } catch (LinkageError e) {
            // no logback here: leave the logging as the host set it up
        }
    }

    private static String readIfExists(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createTempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("could not delete code generation directory {}: {}", dir, e.toString());
        }
    }
}
