package io.microcent.platform.db;

import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL connection pool (HikariCP) with a jOOQ {@link DSLContext} on top, plus Flyway
 * migrations per service schema.
 *
 * <p>Every service owns one schema ({@code ingest}, {@code rating}, {@code caps},
 * {@code invoicing}) with its own migration history inside it, so services can share one
 * PostgreSQL server without sharing tables or migration versions.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** Small by default: several services and their tests share one server on a small machine. */
    public static final int DEFAULT_MAX_POOL_SIZE = 5;

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final String MIGRATIONS_ROOT = "db/migration/";

    private final HikariDataSource dataSource;
    private final DSLContext dsl;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    public static Database connect(String jdbcUrl, String user, String password) {
        return connect(jdbcUrl, user, password, DEFAULT_MAX_POOL_SIZE);
    }

    public static Database connect(String jdbcUrl, String user, String password, int maxPoolSize) {
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1, was " + maxPoolSize);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        // Idle connections cost a backend process each; keep only one warm.
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.setPoolName("microcent-db");
        HikariDataSource dataSource = new HikariDataSource(config);
        log.info("Connected to {} as {} (pool of at most {})", jdbcUrl, user, maxPoolSize);
        return new Database(dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /**
     * Brings {@code schema} up to date with the migrations on the classpath under
     * {@code db/migration/<schema>}, creating the schema if needed. The migration history lives
     * in that schema's own {@code flyway_schema_history} table.
     */
    public void migrate(String schema) {
        MigrateResult result = flyway(dataSource, schema, "classpath:" + MIGRATIONS_ROOT + schema).migrate();
        log.info("Schema {}: {} migration(s) applied, now at version {}", schema, result.migrationsExecuted,
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion);
    }

    /**
     * The one Flyway setup shared by {@link #migrate(String)} and the build's jOOQ code generation
     * ({@code JooqCodegen}, module platform-codegen), so classes are generated from the schema exactly as
     * the services migrate it.
     */
    public static Flyway flyway(DataSource dataSource, String schema, String location) {
        requireSchemaName(schema);
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations(location)
                // a misspelt schema or a migrations folder missing from the jar must not pass as "nothing to do"
                .failOnMissingLocations(true)
                .load();
    }

    public static String requireSchemaName(String schema) {
        if (schema == null || !SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a valid schema name: " + schema);
        }
        return schema;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
