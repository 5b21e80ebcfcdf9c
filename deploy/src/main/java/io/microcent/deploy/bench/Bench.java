package io.microcent.deploy.bench;

import io.microcent.deploy.AllInOne;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.platform.config.ClockSetting;
import io.microcent.platform.config.Env;
import io.microcent.platform.kafka.MicrocentTopics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The throughput and latency benchmark: {@code java -cp deploy/target/microcent.jar io.microcent.deploy.bench.Bench
 * [--events 300000] [--batch 1000] [--concurrency 4] [--customers 16] [--ingest-rate 50000] [--ingest-batch 100]
 * [--ingest-seconds 10] [--authorize-rate 5000] [--open-reservations 20000] [--raw-runs 3]}; {@code --only authorize}
 * for the authorize phases alone, or {@code --only analytics [--analytics-customers 1000] [--analytics-queries 200]}
 * for the analytics API alone ({@link AnalyticsBench}).
 *
 * <p>This JVM runs the all-in-one on a fresh data directory, and reads its topics and read model as a
 * downstream consumer would; the load comes from {@link LoadClient}, a JVM of its own, which reports its
 * figures back on one line. In order: a closed-loop warm-up and measured run through HTTP ingest (ingest rate,
 * then end to end until every event is on {@code usage.rated}, exactly once, and in the usage read model);
 * Kafka's own ProducerPerformance and ConsumerPerformance on the same broker (the raw reference); a hard cap
 * per customer, then open-loop ingest at a fixed offered rate while {@code caps.state} is read (event → cap
 * state latency); {@code POST /v1/authorize} open loop at a fixed rate; last, one customer's authorize rate
 * from no open reservations and from many. {@code --only authorize} runs the last two only (after a hard cap per
 * customer), for measuring decisions without waiting for the ingest phases.
 */
public final class Bench {

    private static final String TOKEN = "bench-operator-token";
    private static final int WARMUP_EVENTS = 50_000;
    private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(10);
    /** How long caps.state stays silent before the probe takes it as read to its end. */
    private static final Duration CAPS_QUIET = Duration.ofSeconds(2);
    private static final int AUTHORIZE_WARMUP_SECONDS = 5;
    private static final int AUTHORIZE_SECONDS = 20;
    private static final int RESERVATION_REQUESTS = 4_000;
    private static final int RESERVATION_CONNECTIONS = 16;

    private final BenchOptions options;
    private final AllInOne platform;
    private final Clock clock;
    private final OperatorApi admin;
    private final String secret;
    private final List<String> failures = new ArrayList<>();
    /** The highest peak RSS any load client process reported. */
    private long clientRssPeakKb;

    private Bench(BenchOptions options, AllInOne platform, Clock clock, OperatorApi admin, String secret) {
        this.options = options;
        this.platform = platform;
        this.clock = clock;
        this.admin = admin;
        this.secret = secret;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("MICROCENT_LOG_LEVEL", "WARN"); // read by logback.xml, before the first logger exists
        if (BenchOptions.only(List.of(args)).filter("analytics"::equals).isPresent()) { // analytics needs no running platform
            AnalyticsBench.run(AnalyticsOptions.parse(List.of(args)));
            System.exit(0);
        }
        BenchOptions options = BenchOptions.parse(List.of(args));
        Path dataDir = Files.createTempDirectory("microcent-bench");
        Map<String, String> settings = new HashMap<>(Map.of("MICROCENT_DATA_DIR", dataDir.toString(), "MICROCENT_PORT", "0",
                "MICROCENT_ADMIN_TOKEN", TOKEN));
        Env.system().optional(ClockSetting.VARIABLE).ifPresent(start -> settings.put(ClockSetting.VARIABLE, start));
        Env env = new Env(settings);
        Clock clock = ClockSetting.read(env); // an invalid start is reported by AllInOne.start
        boolean passed;
        try (AllInOne platform = AllInOne.start(env, clock)) {
            OperatorApi admin = new OperatorApi(platform.port(), TOKEN);
            admin.awaitReady();
            for (int c = 0; c < options.customers(); c++) {
                admin.post("/v1/customers", "{\"id\":\"" + BenchEvents.customer(c, options.customers()) + "\",\"name\":\"Bench "
                        + c + "\",\"plan\":\"enterprise\"}");
            }
            String secret = admin.post("/v1/api-keys", "{\"name\":\"bench\"}").path("secret").asText();
            passed = new Bench(options, platform, clock, admin, secret).run();
        }
        System.exit(passed ? 0 : 1);
    }

    private record Pipeline(LoadFigures ingest, RatedProbe.Count rated, Duration toRated, Percentiles ingestToRated) {
    }

    private record OpenIngest(LoadFigures ingest, long capStates, Percentiles acceptToCapState) {
    }

    private boolean run() throws IOException, InterruptedException {
        if (options.onlyAuthorize()) {
            return runAuthorizeOnly();
        }
        String loadBefore = MachineFacts.loadAverage();
        Instant businessTime = clock.instant();
        int warmup = Math.min(WARMUP_EVENTS, options.events());
        System.out.printf("warm-up: %,d events, closed loop%n", warmup);
        throughPipeline("warm", warmup, businessTime);
        awaitIdle();

        System.out.printf("measured run: %,d events, %,d per request, %d requests in flight, %d customers%n",
                options.events(), options.batchSize(), options.concurrency(), options.customers());
        Pipeline measured = throughPipeline("run", options.events(), businessTime);
        check(measured.ingest().failed() == 0, measured.ingest().failed() + " ingest requests of the measured run refused");
        check(measured.rated().distinct() == options.events(), "rated " + measured.rated().distinct() + " distinct events of "
                + options.events() + " sent");
        check(measured.rated().duplicates() == 0, measured.rated().duplicates() + " events rated more than once");
        long expectedProjected = (long) warmup + options.events();
        Instant measuredStart = startOf(measured.ingest());
        OperatorApi.Projected projected = admin.awaitProjectedRequests(options.customers(), expectedProjected, measuredStart,
                BillingPeriod.containing(clock.instant()));
        check(projected.requests() == expectedProjected, "the usage read model counts " + projected.requests()
                + " requests, " + expectedProjected + " were sent");

        awaitIdle();
        System.out.printf("raw Kafka reference: ProducerPerformance and ConsumerPerformance, %d runs, at least %,d records "
                + "and %d s each%n", options.rawRuns(), options.events(), RawKafkaReference.MIN_RUN.toSeconds());
        RawKafkaReference.Figures raw = RawKafkaReference.run(platform.kafkaBootstrap(), options.events(), options.rawRuns(),
                MicrocentTopics.DEFAULT_PARTITIONS);

        OpenIngest open = openLoopWithCapState(businessTime);

        ClientReport authorize = authorizeOpenLoop();
        Reservations reservations = openReservationsComparison();
        long serverRssKb = MachineFacts.rssPeakKb();

        print(measured, projected, raw, open, authorize, reservations, serverRssKb, loadBefore);
        failures.forEach(failure -> System.out.println("FAILED: " + failure));
        return failures.isEmpty();
    }

    /** The authorize phases alone, after a hard cap per customer that caps has read; a short report. */
    private boolean runAuthorizeOnly() throws IOException, InterruptedException {
        try (CapStateProbe caps = new CapStateProbe(platform.kafkaBootstrap(), clock)) {
            for (int c = 0; c < options.customers(); c++) {
                createHardCap(BenchEvents.customer(c, options.customers()));
            }
            caps.countFrom(0);
            check(caps.await(options.customers(), Duration.ofMinutes(1)) >= options.customers(), "caps did not publish a state for every new cap");
        }
        LoadFigures auth = authorizeOpenLoop().run("measured");
        Reservations reservations = openReservationsComparison();
        System.out.printf("""

                === authorize only === (%d cores, load average %s)
                  authorize, open loop   %,d/s for %d s: %,d requests in %.1f s (%,.0f/s), %s, max %s; failed %d
                  closed loop, one customer, %d connections:
                    from 0 open reservations       %,.0f req/s, %s, failed %d
                    from %,d open reservations %,.0f req/s, %s, failed %d
                """, MachineFacts.cores(), MachineFacts.loadAverage(), options.authorizePerSecond(), AUTHORIZE_SECONDS,
                auth.requests(), auth.seconds(), auth.requestsPerSecond(), auth.latency().p50p99p999(),
                Percentiles.ms(auth.latency().max()), auth.failed(), RESERVATION_CONNECTIONS,
                reservations.from0().requestsPerSecond(), reservations.from0().latency().p50p99p999(), reservations.from0().failed(),
                options.openReservations() + reservations.from0().requests(), reservations.fromMany().requestsPerSecond(),
                reservations.fromMany().latency().p50p99p999(), reservations.fromMany().failed());
        failures.forEach(failure -> System.out.println("FAILED: " + failure));
        return failures.isEmpty();
    }

    /** {@code POST /v1/authorize} open loop at the offered rate, after a warm-up at that rate. */
    private ClientReport authorizeOpenLoop() throws InterruptedException {
        awaitIdle();
        System.out.printf("authorize: %,d/s open loop, %d s warm-up then %d s measured%n", options.authorizePerSecond(),
                AUTHORIZE_WARMUP_SECONDS, AUTHORIZE_SECONDS);
        return report(LoadClientProcess.start(LoadClient.AUTHORIZE_OPEN, platform.port(), secret, List.of(
                "--rate", Integer.toString(options.authorizePerSecond()), "--warmup-seconds", Integer.toString(AUTHORIZE_WARMUP_SECONDS),
                "--seconds", Integer.toString(AUTHORIZE_SECONDS),
                "--customers", Integer.toString(options.customers()))));
    }

    /** A run's events through HTTP ingest, closed loop, until each is on {@code usage.rated}. */
    private Pipeline throughPipeline(String runId, int events, Instant businessTime) throws InterruptedException {
        try (RatedProbe probe = new RatedProbe(platform.kafkaBootstrap(), runId, clock)) {
            LoadClientProcess client = LoadClientProcess.start(LoadClient.INGEST_CLOSED, platform.port(), secret, List.of(
                    "--run-id", runId, "--events", Integer.toString(events), "--batch", Integer.toString(options.batchSize()),
                    "--concurrency", Integer.toString(options.concurrency()), "--customers", Integer.toString(options.customers()),
                    "--timestamp", businessTime.toString()));
            RatedProbe.Count rated = probe.awaitRated(events, PIPELINE_TIMEOUT);
            LoadFigures ingest = report(client).run("measured");
            Instant lastRated = probe.lastNewAt() == null ? Instant.now() : probe.lastNewAt();
            return new Pipeline(ingest, rated, Duration.between(startOf(ingest), lastRated), probe.ingestToRated());
        }
    }

    /**
     * Hard caps far from reached, so that each usage changes its cap's state; then ingest at a fixed offered
     * rate while this JVM reads {@code caps.state}, until caps has read everything and its states are all read.
     */
    private OpenIngest openLoopWithCapState(Instant businessTime) throws IOException, InterruptedException {
        try (CapStateProbe caps = new CapStateProbe(platform.kafkaBootstrap(), clock)) {
            for (int c = 0; c < options.customers(); c++) {
                createHardCap(BenchEvents.customer(c, options.customers()));
            }
            // each new cap's first state says caps has read the definitions, so the run does not wait for them
            caps.countFrom(0);
            check(caps.await(options.customers(), Duration.ofMinutes(1)) >= options.customers(), "caps did not publish a state for every new cap");
            awaitIdle();

            System.out.printf("open-loop ingest: %,d events/s offered in batches of %d for %d s, caps.state read meanwhile%n",
                    options.ingestRate(), options.ingestBatch(), options.ingestSeconds());
            caps.countFrom(clock.millis());
            LoadClientProcess client = LoadClientProcess.start(LoadClient.INGEST_OPEN, platform.port(), secret, List.of(
                    "--run-id", "open", "--rate", Integer.toString(options.ingestRate()), "--batch", Integer.toString(options.ingestBatch()),
                    "--seconds", Integer.toString(options.ingestSeconds()), "--customers", Integer.toString(options.customers()),
                    "--timestamp", businessTime.toString()));
            caps.readWhile(client::running);
            LoadFigures ingest = report(client).run("measured");
            // caps writes a cap's state once per rated batch, not once per event, so there is no count to wait
            // for: caps.state is read on until it falls quiet, and again once every consumer group has caught up
            caps.drain(CAPS_QUIET);
            awaitIdle();
            long states = caps.drain(CAPS_QUIET);
            check(states > 0 && states <= ingest.events(), "read " + states + " cap states for " + ingest.events() + " accepted events");
            return new OpenIngest(ingest, states, caps.acceptToState());
        }
    }

    private void createHardCap(String customer) throws IOException, InterruptedException {
        admin.post("/v1/caps", "{\"customer\":\"" + customer + "\",\"scope\":\"customer\",\"scopeId\":\"" + customer
                + "\",\"amountMicrocents\":1000000000000,\"period\":\"month\",\"measure\":\"cost\",\"mode\":\"hard\"}");
    }

    private record Reservations(LoadFigures from0, LoadFigures fromMany) {
    }

    /**
     * Whether a decision's cost grows with the reservations already open: one customer with a hard cap, the
     * same closed-loop run once with none open and once after {@code --open-reservations} more were opened
     * (and left open: their usage never arrives), each once caps has read every reservation before it, so
     * that the second run measures decisions among many open reservations, not the pipeline catching up.
     */
    private Reservations openReservationsComparison() throws IOException, InterruptedException {
        String customer = "bench-reserved";
        admin.post("/v1/customers", "{\"id\":\"" + customer + "\",\"name\":\"Bench reserved\",\"plan\":\"enterprise\"}");
        createHardCap(customer);
        System.out.printf("authorize: one customer, closed loop, %,d requests from 0 and from %,d open reservations%n",
                RESERVATION_REQUESTS, options.openReservations() + RESERVATION_REQUESTS);
        awaitIdle();
        LoadFigures from0 = authorizeClosed(customer, RESERVATION_REQUESTS);
        authorizeClosed(customer, options.openReservations()); // opens them; not measured
        awaitIdle();
        LoadFigures fromMany = authorizeClosed(customer, RESERVATION_REQUESTS);
        return new Reservations(from0, fromMany);
    }

    private LoadFigures authorizeClosed(String customer, int requests) throws InterruptedException {
        return report(LoadClientProcess.start(LoadClient.AUTHORIZE_CLOSED, platform.port(), secret, List.of(
                "--customer", customer, "--requests", Integer.toString(requests), "--connections",
                Integer.toString(RESERVATION_CONNECTIONS)))).run("measured");
    }

    /** Lets the platform read what the last phase wrote before the next is measured. */
    private void awaitIdle() throws InterruptedException {
        PlatformIdle.Caught caught = PlatformIdle.await(platform.kafkaBootstrap(), PIPELINE_TIMEOUT);
        System.out.printf("  platform caught up: %d consumer groups on %d partitions, after %.1f s%n", caught.groups(),
                caught.partitions(), caught.waited().toMillis() / 1e3);
    }

    private ClientReport report(LoadClientProcess client) throws InterruptedException {
        ClientReport report = client.await();
        clientRssPeakKb = Math.max(clientRssPeakKb, report.rssPeakKb());
        return report;
    }

    private void check(boolean holds, String failure) {
        if (!holds) {
            failures.add(failure);
        }
    }

    private static Instant startOf(LoadFigures figures) {
        return Instant.EPOCH.plus(figures.startedAtMicros(), ChronoUnit.MICROS);
    }

    private void print(Pipeline measured, OperatorApi.Projected projected, RawKafkaReference.Figures raw, OpenIngest open,
                       ClientReport authorize, Reservations reservations, long serverRssKb, String loadBefore) {
        double events = options.events();
        double endToEnd = events / seconds(measured.toRated());
        double toReadModel = events / seconds(projected.took());
        double rawProduce = raw.medianProduced();
        LoadFigures ingest = measured.ingest();
        LoadFigures openIngest = open.ingest();
        LoadFigures auth = authorize.run("measured");
        LoadFigures from0 = reservations.from0();
        LoadFigures fromMany = reservations.fromMany();
        long clientRssKb = clientRssPeakKb;
        long expectedProjected = Math.min(WARMUP_EVENTS, options.events()) + (long) options.events();

        System.out.printf("""

                === Microcent benchmark ===
                machine: %d cores, %s memory, %s %s, JDK %s; load average %s at the start, %s at the end
                server: this JVM (the all-in-one: broker, four services, and the bench's topic readers), heap max %s
                        (embedded PostgreSQL runs in processes of its own, not counted in its RSS)
                client: LoadClient in its own JVM (same java binary and class path), heap max %s

                measured in the load client:
                  ingest, closed loop          %,d events in %,d requests in %.1f s: %,.0f events/s; per request %s; refused %d
                  ingest, open loop            offered %,d events/s for %d s (a batch of %d every %s): accepted %,d events,
                                               %,.0f events/s; 202 latency from scheduled send %s; failed %d
                  authorize, open loop         %,d/s for %d s: %,d requests, %s, max %s; failed %d
                  authorize, closed loop       one customer, %d connections, %,d requests each:
                    from 0 open reservations     %,.0f req/s, %s, failed %d
                    from %,d open reservations %,.0f req/s, %s, failed %d
                  client RSS peak              %s

                measured in this JVM (reading the platform's topics and read model):
                  end to end → usage.rated     %,.0f events/s (%.1f s from the client's first send to the last rated read)
                  end to end → read model      %,.0f events/s (%.1f s)
                  rated exactly once           %,d of %,d events, %d duplicates; the read model counts %,d requests of %,d
                  ingest → rated latency       %s (closed loop; from ingest's accept time to the rated record read)
                  accept → cap state latency   %s (open loop, %,d states of %,d accepted events)
                  server RSS peak              %s

                raw Kafka, Kafka's own tools in their own JVMs, same broker, %d-byte records, the platform's producer settings:
                  ProducerPerformance          median %,.0f records/s of %d runs %s
                  ConsumerPerformance          median %,.0f records/s (read_committed, fetch time) %s

                """,
                MachineFacts.cores(), MachineFacts.mib(MachineFacts.memoryKb()), System.getProperty("os.name"),
                System.getProperty("os.arch"), MachineFacts.jdk(), loadBefore, MachineFacts.loadAverage(), mib(MachineFacts.heapMaxBytes()), mib(authorize.heapMaxBytes()),
                ingest.events(), ingest.requests(), ingest.seconds(), ingest.eventsPerSecond(), ingest.latency().p50p99(), ingest.failed(),
                options.ingestRate(), options.ingestSeconds(), options.ingestBatch(),
                Percentiles.ms(1_000_000L * options.ingestBatch() / options.ingestRate()), openIngest.events(),
                openIngest.eventsPerSecond(), openIngest.latency().p50p99max(), openIngest.failed(),
                options.authorizePerSecond(), AUTHORIZE_SECONDS, auth.requests(), auth.latency().p50p99p999(), Percentiles.ms(auth.latency().max()), auth.failed(),
                RESERVATION_CONNECTIONS, from0.requests(),
                from0.requestsPerSecond(), from0.latency().p50p99(), from0.failed(),
                options.openReservations() + from0.requests(), fromMany.requestsPerSecond(), fromMany.latency().p50p99(), fromMany.failed(),
                MachineFacts.mib(clientRssKb),
                endToEnd, seconds(measured.toRated()),
                toReadModel, seconds(projected.took()),
                measured.rated().distinct(), options.events(), measured.rated().duplicates(), projected.requests(),
                expectedProjected,
                measured.ingestToRated().p50p99max(),
                open.acceptToCapState().p50p99max(), open.capStates(), openIngest.events(),
                MachineFacts.mib(serverRssKb),
                RawKafkaReference.RECORD_SIZE,
                rawProduce, raw.runs().size(), raw.runs().stream().map(r -> "%,.0f".formatted(r.produced().recordsPerSecond())).toList(),
                raw.medianConsumed(), raw.runs().stream().map(r -> "%,.0f".formatted(r.consumed().recordsPerSecond())).toList());

        String offered = "%,d/s offered".formatted(options.ingestRate());
        System.out.print(new FigureTable()
                .row("HTTP ingest (202s), closed loop", "%,.0f ev/s".formatted(ingest.eventsPerSecond()))
                .row("end to end HTTP → usage.rated", "%,.0f ev/s".formatted(endToEnd))
                .row("end to end → usage read model", "%,.0f ev/s".formatted(toReadModel))
                .row("raw Kafka ProducerPerformance, median of %d runs".formatted(raw.runs().size()), "%,.0f rec/s".formatted(rawProduce))
                .row("raw Kafka ConsumerPerformance, median of %d runs".formatted(raw.runs().size()), "%,.0f rec/s".formatted(raw.medianConsumed()))
                .row("ratio end-to-end / raw produce", "%.3f".formatted(endToEnd / rawProduce))
                .row("ingest → rated latency (closed loop)", measured.ingestToRated().p50p99())
                .row("event → cap state, accept → caps.state (%s)".formatted(offered), open.acceptToCapState().p50p99max())
                .row("open-loop ingest 202 (%s, %,.0f/s accepted)".formatted(offered, openIngest.eventsPerSecond()),
                        openIngest.latency().p50p99max())
                .row("authorize at %,d/s open loop".formatted(options.authorizePerSecond()), auth.latency().p50p99p999())
                .row("authorize from 0 vs %,d open reservations".formatted(options.openReservations() + from0.requests()),
                        "%,.0f vs %,.0f req/s (p99 %s vs %s)".formatted(from0.requestsPerSecond(), fromMany.requestsPerSecond(),
                                Percentiles.ms(from0.latency().p99()), Percentiles.ms(fromMany.latency().p99())))
                .row("server RSS peak (bench JVM, hosts the platform)", MachineFacts.mib(serverRssKb))
                .row("load client RSS peak", MachineFacts.mib(clientRssKb))
                .markdown());
        System.out.printf("""

                Latency in the open loop counts from each request's scheduled send time, so time queued in the client
                counts too. An event's whole time to its cap state is the time until ingest accepted it plus accept →
                caps.state; the first part is shorter than its 202 latency, so the total is at most the event's 202
                latency plus its caps.state latency: max under %s, and p99 at most about %s (strictly, the total's p98
                is under the sum of the two p99s).
                """, Percentiles.ms(openIngest.latency().max() + open.acceptToCapState().max()),
                Percentiles.ms(openIngest.latency().p99() + open.acceptToCapState().p99()));
        // a server that keeps up answers the last request soon after its scheduled time
        if (openIngest.seconds() > 1.1 * options.ingestSeconds()) {
            System.out.printf("The open-loop run was overloaded: its %d s of requests took %.1f s to answer (%,.0f of %,d events/s), "
                            + "so its latencies grow with the run's length (queueing), they are not a steady state.%n",
                    options.ingestSeconds(), openIngest.seconds(), openIngest.eventsPerSecond(), options.ingestRate());
        }
        if (auth.seconds() > 1.1 * AUTHORIZE_SECONDS) {
            System.out.printf("The authorize run was overloaded: its %d s of requests took %.1f s to answer (%,.0f of %,d/s).%n",
                    AUTHORIZE_SECONDS, auth.seconds(), auth.requestsPerSecond(), options.authorizePerSecond());
        }
    }

    private static String mib(long bytes) {
        return MachineFacts.mib(bytes / 1024);
    }

    private static double seconds(Duration duration) {
        return Math.max(duration.toNanos(), 1) / 1e9;
    }
}
