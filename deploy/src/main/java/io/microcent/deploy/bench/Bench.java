package io.microcent.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.deploy.AllInOne;
import io.microcent.model.json.Json;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.config.ClockSetting;
import io.microcent.platform.config.Env;
import io.microcent.platform.kafka.MicrocentTopics;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The throughput benchmark: {@code java -cp deploy/target/microcent.jar io.microcent.deploy.bench.Bench
 * [--events 300000] [--batch 1000] [--concurrency 4] [--customers 16] [--authorize-rate 5000] [--open-reservations 20000]}.
 *
 * <p>It starts the all-in-one on a fresh data directory, sends the events through HTTP ingest, and measures
 * (1) HTTP ingest rate, (2) end-to-end rate until every event is rated and readable on {@code usage.rated},
 * (3) the rate until the usage read model in PostgreSQL shows them all, and (4) on the same broker, raw
 * Kafka produce + consume of the same records, with the ratio end-to-end / raw and ingest→rated latency
 * percentiles. A warm-up run first lets the JIT compile the hot paths. Then {@code POST /v1/authorize} runs at a
 * fixed rate ({@code --authorize-rate}, default 5,000/s) against a hard cap per customer, and its latency
 * percentiles are printed. Last, one customer's authorize rate from no open reservations and from
 * {@code --open-reservations} (default 20,000) open ones.
 */
public final class Bench {

    private static final String TOKEN = "bench-operator-token";

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("MICROCENT_LOG_LEVEL", "WARN"); // read by logback.xml, before the first logger exists
        BenchOptions options = BenchOptions.parse(List.of(args));
        Path dataDir = Files.createTempDirectory("microcent-bench");
        Map<String, String> settings = new HashMap<>(Map.of("MICROCENT_DATA_DIR", dataDir.toString(), "MICROCENT_PORT", "0",
                "MICROCENT_ADMIN_TOKEN", TOKEN));
        Env.system().optional(ClockSetting.VARIABLE).ifPresent(start -> settings.put(ClockSetting.VARIABLE, start));
        Env env = new Env(settings);
        Clock clock = ClockSetting.read(env); // an invalid start is reported by AllInOne.start
        try (AllInOne platform = AllInOne.start(env, clock)) {
            OperatorApi admin = new OperatorApi(platform.port(), TOKEN);
            admin.awaitReady();
            for (int c = 0; c < options.customers(); c++) {
                admin.post("/v1/customers", "{\"id\":\"bench-" + c + "\",\"name\":\"Bench " + c + "\",\"plan\":\"enterprise\"}");
            }
            String secret = admin.post("/v1/api-keys", "{\"name\":\"bench\"}").path("secret").asText();
            LoadGenerator load = new LoadGenerator(platform.port(), secret);
            Instant now = clock.instant(); // the events' business time

            int warmupEvents = Math.min(50_000, options.events());
            System.out.printf("warm-up: %,d events%n", warmupEvents);
            runThroughPipeline(platform, load, BenchEvents.generate(warmupEvents, options.customers(), "warm", now), options, clock);

            List<UsageEvent> events = BenchEvents.generate(options.events(), options.customers(), "run", now);
            System.out.printf("measured run: %,d events, %,d per request, %d requests in flight, %d customers%n",
                    options.events(), options.batchSize(), options.concurrency(), options.customers());
            PipelineResult result = runThroughPipeline(platform, load, events, options, clock);
            long expectedProjected = warmupEvents + (long) options.events();
            Duration toReadModel = admin.awaitProjectedRequests(options.customers(), expectedProjected, result.start(),
                    BillingPeriod.containing(clock.instant()));

            Duration raw = RawKafkaBaseline.run(platform.kafkaBootstrap(), events, MicrocentTopics.DEFAULT_PARTITIONS, "b" + System.currentTimeMillis());
            report(options, result, toReadModel, raw);

            // a hard cap per customer, far from reached, so every authorize does the full check and reserves
            for (int c = 0; c < options.customers(); c++) {
                admin.post("/v1/caps", "{\"customer\":\"bench-" + c + "\",\"scope\":\"customer\",\"scopeId\":\"bench-" + c
                        + "\",\"amountMicrocents\":1000000000000,\"period\":\"month\",\"measure\":\"cost\",\"mode\":\"hard\"}");
            }
            AuthorizeLoad authorize = new AuthorizeLoad(platform.port(), secret);
            authorize.run(options.authorizePerSecond(), Duration.ofSeconds(5), options.customers()); // warm-up
            AuthorizeLoad.Result auth = authorize.run(options.authorizePerSecond(), Duration.ofSeconds(20), options.customers());
            System.out.printf("""
                    authorize at %,d/s (open loop)  %,d requests in %s, failed %d
                    authorize latency           p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms
                    """, options.authorizePerSecond(), auth.sent(), auth.elapsed(), auth.failed(),
                    millis(auth.latencyMicros(), 50), millis(auth.latencyMicros(), 99), millis(auth.latencyMicros(), 99.9),
                    auth.latencyMicros().getMaxValue() / 1000.0);

            openReservationsComparison(admin, authorize, options.openReservations());
        }
    }

    /**
     * Whether a decision's cost grows with the reservations already open: one customer with a hard cap, the
     * same closed-loop run once with none open and once after {@code open} more were opened (and left open:
     * their usage never arrives).
     */
    private static void openReservationsComparison(OperatorApi admin, AuthorizeLoad authorize, int open)
            throws IOException, InterruptedException {
        String customer = "bench-reserved";
        admin.post("/v1/customers", "{\"id\":\"" + customer + "\",\"name\":\"Bench reserved\",\"plan\":\"enterprise\"}");
        admin.post("/v1/caps", "{\"customer\":\"" + customer + "\",\"scope\":\"customer\",\"scopeId\":\"" + customer
                + "\",\"amountMicrocents\":1000000000000,\"period\":\"month\",\"measure\":\"cost\",\"mode\":\"hard\"}");
        int measured = 4_000;
        AuthorizeLoad.Result none = authorize.closedLoop(customer, measured, 16);
        authorize.closedLoop(customer, open, 16); // opens them; not measured
        // let caps read the reservations just recorded (caps.reservations) before measuring, so that the second run
        // measures decisions among many open reservations, not the pipeline catching up with the ones just opened
        Thread.sleep(Duration.ofSeconds(15));
        AuthorizeLoad.Result many = authorize.closedLoop(customer, measured, 16);
        System.out.printf("""
                authorize, one customer, 16 connections, closed loop, %,d requests each:
                  from 0 open reservations      %,.0f req/s, p50 %.2f ms, p99 %.2f ms, failed %d
                  from %,d open reservations  %,.0f req/s, p50 %.2f ms, p99 %.2f ms, failed %d
                """, measured,
                measured / seconds(none.elapsed()), millis(none.latencyMicros(), 50), millis(none.latencyMicros(), 99), none.failed(),
                open + measured, measured / seconds(many.elapsed()), millis(many.latencyMicros(), 50), millis(many.latencyMicros(), 99),
                many.failed());
    }

    record PipelineResult(Instant start, Duration ingest, Duration toRated, long rated, int refused, Histogram latency) {
    }

    private static PipelineResult runThroughPipeline(AllInOne platform, LoadGenerator load, List<UsageEvent> events,
                                                     BenchOptions options, Clock clock) throws InterruptedException {
        String runId = events.getFirst().id().raw().substring(0, events.getFirst().id().raw().indexOf('-'));
        List<byte[]> bodies = LoadGenerator.buildBodies(events, options.batchSize());
        try (RatedProbe probe = new RatedProbe(platform.kafkaBootstrap(), runId, clock)) {
            Instant start = Instant.now();
            int refused = load.sendAll(bodies, options.concurrency());
            Duration ingest = Duration.between(start, Instant.now());
            long rated = probe.awaitRated(events.size(), Duration.ofMinutes(10));
            Duration toRated = Duration.between(start, probe.lastSeenAt() == null ? Instant.now() : probe.lastSeenAt());
            return new PipelineResult(start, ingest, toRated, rated, refused, probe.ingestToRatedMicros);
        }
    }

    private static void report(BenchOptions options, PipelineResult run, Duration toReadModel, Duration raw) {
        double n = options.events();
        double endToEnd = n / seconds(run.toRated());
        double rawRate = n / seconds(raw);
        System.out.printf("""

                === Microcent benchmark (%d cores, %s, JDK %s) ===
                events                      %,d (refused requests: %d, rated: %,d)
                HTTP ingest (202s)          %,.0f events/s  (%s)
                end to end, to usage.rated  %,.0f events/s  (%s)
                end to end, to read model   %,.0f events/s  (%s)
                raw Kafka produce+consume   %,.0f events/s  (%s)
                ratio end-to-end / raw      %.2f
                ingest → rated latency      p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms
                """,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"), Runtime.version(),
                options.events(), run.refused(), run.rated(),
                n / seconds(run.ingest()), run.ingest(),
                endToEnd, run.toRated(),
                n / seconds(toReadModel), toReadModel,
                rawRate, raw,
                endToEnd / rawRate,
                millis(run.latency(), 50), millis(run.latency(), 95), millis(run.latency(), 99),
                run.latency().getMaxValue() / 1000.0);
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static double seconds(Duration duration) {
        return Math.max(duration.toNanos(), 1) / 1e9;
    }
}
