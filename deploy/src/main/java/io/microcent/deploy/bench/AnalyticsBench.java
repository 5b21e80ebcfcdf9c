package io.microcent.deploy.bench;

import io.microcent.platform.db.Database;
import io.microcent.platform.embedded.EmbeddedPostgres;
import io.microcent.platform.http.HttpServer;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.service.StandaloneRunner;
import io.microcent.rating.analytics.AnalyticsApi;
import org.HdrHistogram.Histogram;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The analytics API over a year of rollups: {@code java -cp deploy/target/microcent.jar io.microcent.deploy.bench.Bench
 * --only analytics [--analytics-customers 1000] [--analytics-queries 200]}.
 *
 * <p>On a PostgreSQL of its own in a temporary directory (deleted at the end), it migrates rating's schema up to
 * the hourly table, seeds a year of hourly rows per customer with COPY ({@link SeededRollups}), migrates the rest
 * (which sums them into the daily table), VACUUMs and ANALYZEs, and serves rating's analytics API on a local HTTP server. Then
 * every query the API offers (activity by each grouping, the Usage page per user and per team, dimensions, and the
 * usage breakdown of a month) over the last month, quarter and year of the seeded usage, each asked
 * {@code --analytics-queries} times of a customer drawn at random after a warm-up, and prints a markdown table of
 * the latencies as a client of the API sees them.
 */
final class AnalyticsBench {

    private static final String TOKEN = "bench-operator-token";
    private static final int WARMUP = 20;
    /** The ranges asked, each ending at the last seeded hour; the Usage page's start mid-day, as "the last 30 days" do. */
    private static final Map<String, Duration> RANGES = Map.of("month", Duration.ofDays(30), "quarter", Duration.ofDays(91),
            "year", Duration.ofDays(365));
    private static final List<String> RANGE_ORDER = List.of("month", "quarter", "year");
    private static final Instant LAST_HOUR_END = SeededRollups.END.minus(Duration.ofHours(9));

    private final AnalyticsOptions options;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Random random = new Random(7);
    private final String base;

    private AnalyticsBench(AnalyticsOptions options, int port) {
        this.options = options;
        this.base = "http://127.0.0.1:" + port;
    }

    /** One kind of request: its name in the table and its path for a customer and range. */
    private record QueryType(String name, String range, PathOf path) {
    }

    @FunctionalInterface
    private interface PathOf {
        String of(String customer);
    }

    static void run(AnalyticsOptions options) throws Exception {
        Path dataDir = Files.createTempDirectory("microcent-analytics-bench");
        try {
            measure(options, dataDir);
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private static void measure(AnalyticsOptions options, Path dataDir) throws Exception {
        // a throwaway database: no flush per commit, so seeding measures PostgreSQL's work rather than the disk's
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir.resolve("postgres"),
                Map.of("fsync", "off", "synchronous_commit", "off", "max_wal_size", "2GB", "shared_buffers", "2GB"));
             Database database = Database.connect(postgres.jdbcUrl(), postgres.user(), postgres.password(), 4)) {
            Flyway rating = Database.flyway(database.dataSource(), "rating", "classpath:db/migration/rating");
            Flyway.configure().configuration(rating.getConfiguration()).target("6").load().migrate();
            long started = System.nanoTime();
            long hourlyRows;
            try (Connection connection = database.dataSource().getConnection()) {
                hourlyRows = SeededRollups.copyHourly(connection, options.customers());
            }
            Duration copied = since(started);
            started = System.nanoTime();
            rating.migrate();
            Duration backfilled = since(started);
            started = System.nanoTime();
            try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                // as autovacuum leaves a table in steady state, and so that it does not run during the measured queries
                statement.execute("VACUUM (ANALYZE) rating.usage_hourly");
                statement.execute("VACUUM (ANALYZE) rating.usage_daily");
            }
            Duration analyzed = since(started);
            FigureTable seed = new FigureTable()
                    .row("customers, range seeded", "%,d, %s to %s".formatted(options.customers(), SeededRollups.START, SeededRollups.END))
                    .row("usage_hourly rows, COPY time", "%,d in %.1f s (%,.0f rows/s)".formatted(hourlyRows, seconds(copied),
                            hourlyRows / seconds(copied)))
                    .row("usage_daily rows, backfill by migration V7", "%,d in %.1f s".formatted(count(database, "rating.usage_daily"),
                            seconds(backfilled)))
                    .row("VACUUM ANALYZE", "%.1f s".formatted(seconds(analyzed)))
                    .row("usage_hourly size (table, indexes)", sizes(database, "rating.usage_hourly"))
                    .row("usage_daily size (table, indexes)", sizes(database, "rating.usage_daily"));
            System.out.print(seed.markdown());
            System.out.println();

            try (HttpServer server = HttpServer.start("127.0.0.1", 0,
                    List.of(AnalyticsApi.routes(new OperatorAuth(TOKEN), database.dsl(), Clock.systemUTC())), Map.of(),
                    StandaloneRunner.newMeterRegistry())) {
                new AnalyticsBench(options, server.port()).askEveryQuery();
            }
        }
    }

    private void askEveryQuery() throws IOException, InterruptedException {
        StringBuilder table = new StringBuilder("| query | range | p50 | p99 | max |\n| --- | --- | --- | --- | --- |\n");
        List<QueryType> types = queryTypes();
        for (QueryType type : types) {
            for (int i = 0; i < WARMUP; i++) {
                ask(type);
            }
            Histogram latencies = Percentiles.histogram();
            for (int i = 0; i < options.queries(); i++) {
                Percentiles.record(latencies, ask(type));
            }
            Percentiles figures = Percentiles.of(latencies);
            table.append("| %s | %s | %s | %s | %s |\n".formatted(type.name(), type.range(), Percentiles.ms(figures.p50()),
                    Percentiles.ms(figures.p99()), Percentiles.ms(figures.max())));
        }
        System.out.print(table);
    }

    /** Asks once, of a random customer; answers the latency in microseconds. A failed request stops the bench. */
    private long ask(QueryType type) throws IOException, InterruptedException {
        String customer = SeededRollups.customer(random.nextInt(options.customers()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + type.path().of(customer)))
                .header("Authorization", "Bearer " + TOKEN).GET().build();
        long started = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long micros = (System.nanoTime() - started) / 1_000;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(type + " answered " + response.statusCode() + ": " + new String(response.body()));
        }
        return micros;
    }

    private static List<QueryType> queryTypes() {
        List<QueryType> types = new ArrayList<>();
        for (String range : RANGE_ORDER) {
            Instant from = LAST_HOUR_END.minus(RANGES.get(range));
            LocalDate fromDay = LocalDate.ofInstant(from, ZoneOffset.UTC);
            LocalDate toDay = LocalDate.ofInstant(LAST_HOUR_END, ZoneOffset.UTC);
            for (String groupBy : List.of("model", "project", "apiKey", "costCenter", "user", "team", "customer", "tag")) {
                types.add(new QueryType("activity groupBy=" + groupBy, range, customer ->
                        "/v1/analytics/activity?from=%s&to=%s&groupBy=%s&customer=%s".formatted(fromDay, toDay, groupBy, customer)));
            }
            for (String view : List.of("user", "team")) {
                types.add(new QueryType("usage view=" + view, range, customer ->
                        "/v1/analytics/usage?from=%s&to=%s&view=%s&customer=%s".formatted(from, LAST_HOUR_END, view, customer)));
            }
            types.add(new QueryType("dimensions", range, customer ->
                    "/v1/analytics/dimensions?from=%s&to=%s&customer=%s".formatted(from, LAST_HOUR_END, customer)));
        }
        types.add(new QueryType("usage/breakdown (a period)", "month", customer ->
                "/v1/customers/%s/usage/breakdown?period=2026-11".formatted(customer)));
        return types;
    }

    private static long count(Database database, String table) {
        return database.dsl().fetchSingle("SELECT count(*) FROM " + table).get(0, Long.class);
    }

    private static String sizes(Database database, String table) {
        return database.dsl().fetchSingle("SELECT pg_size_pretty(pg_table_size(?::regclass)) || ', ' "
                + "|| pg_size_pretty(pg_indexes_size(?::regclass))", table, table).get(0, String.class);
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root, e);
        }
    }
}
