package io.microcent.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.deploy.AllInOne;
import io.microcent.invoicing.InvoicingService;
import io.microcent.invoicing.automation.WhenPeriodEndsThenInvoiceIt;
import io.microcent.platform.config.Env;
import io.microcent.platform.time.MovableClock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closing a month for many customers: {@code java -cp deploy/target/microcent.jar
 * io.microcent.deploy.bench.MonthCloseBench [--customers 100000]}.
 *
 * <p>On a fresh all-in-one whose clock the bench moves (like {@code MICROCENT_CLOCK_START}, but jumped instead of
 * waited for), it registers the customers over HTTP on the three plans, sends one usage event per customer
 * through ingest, waits until all of it is counted, then times period close: the drafts when the month ends,
 * then the finalization when its grace ends (one invoice per customer, without Stripe). Last, it checks the
 * month's reconciliation has no difference.
 */
public final class MonthCloseBench {

    private static final String TOKEN = "bench-operator-token";
    private static final Instant MID_MONTH = Instant.parse("2026-11-15T00:00:00Z");
    private static final Instant MONTH_ENDED = Instant.parse("2026-12-01T00:00:30Z");
    private static final Instant GRACE_ENDED = Instant.parse("2026-12-01T01:00:01Z");
    private static final String[] PLANS = {"starter", "growth", "enterprise"};

    private MonthCloseBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("MICROCENT_LOG_LEVEL", "WARN");
        int customers = Args.parse(List.of(args), Set.of("--customers")).positive("--customers", 100_000);
        Path dataDir = Files.createTempDirectory("microcent-month-close");
        Map<String, String> settings = new java.util.HashMap<>(Map.of("MICROCENT_DATA_DIR", dataDir.toString(),
                "MICROCENT_PORT", "0", "MICROCENT_ADMIN_TOKEN", TOKEN, "MICROCENT_LATE_USAGE_GRACE_HOURS", "1",
                // the bench runs period close itself, so the schedule never overlaps a measured run
                "MICROCENT_PERIOD_CLOSE_INTERVAL_SECONDS", "3600"));
        // to compare settings of the measured part, e.g. MICROCENT_PERIOD_CLOSE_THREADS=8
        Env.system().optional("MICROCENT_PERIOD_CLOSE_THREADS").ifPresent(threads -> settings.put("MICROCENT_PERIOD_CLOSE_THREADS", threads));
        Env env = new Env(settings);
        MovableClock clock = new MovableClock(MID_MONTH);
        try (AllInOne platform = AllInOne.start(env, clock)) {
            OperatorApi admin = new OperatorApi(platform.port(), TOKEN);
            admin.awaitReady();
            InvoicingService invoicing = platform.service(InvoicingService.class).orElseThrow();

            long started = System.nanoTime();
            register(admin, customers);
            System.out.printf("registered %,d customers in %.1f s%n", customers, seconds(started));

            started = System.nanoTime();
            String secret = admin.post("/v1/api-keys", "{\"name\":\"month-close\"}").path("secret").asText();
            // one event per customer: event i is customer i's
            LoadFigures usage = new IngestLoad(platform.port(), secret).closedLoop("close", customers, 1_000, 4, customers,
                    MID_MONTH.plusSeconds(60));
            Instant sent = clock.instant();
            while (!invoicing.usageCountedUpTo(sent)) {
                Thread.sleep(200);
            }
            System.out.printf("usage: %,d events (%d requests refused) rated and counted in %.1f s%n",
                    usage.events(), usage.failed(), seconds(started));

            clock.set(MONTH_ENDED);
            WhenPeriodEndsThenInvoiceIt close = invoicing.periodClose();
            WhenPeriodEndsThenInvoiceIt.Run drafts = close.runOnce();
            System.out.printf("month end: %,d drafts for %,d subscriptions in %.1f s (%,.0f invoices/s), %d failed%n",
                    drafts.drafted(), drafts.subscriptions(), drafts.took().toMillis() / 1e3,
                    drafts.drafted() / Math.max(drafts.took().toMillis() / 1e3, 0.001), drafts.failed());

            clock.set(GRACE_ENDED);
            WhenPeriodEndsThenInvoiceIt.Run finals = close.runOnce();
            System.out.printf("grace end:  %,d invoices finalized in %.1f s (%,.0f invoices/s), %d failed%n",
                    finals.finalized(), finals.took().toMillis() / 1e3,
                    finals.finalized() / Math.max(finals.took().toMillis() / 1e3, 0.001), finals.failed());
            System.out.printf("month close for %,d customers: %.1f s (target <= 60 s without Stripe)%n", customers,
                    (drafts.took().toMillis() + finals.took().toMillis()) / 1e3);

            JsonNode reconciliation = admin.get("/v1/reconciliation?period=2026-11&differencesOnly=true");
            System.out.printf("reconciliation 2026-11: %,d customers, %,d with differences, amount due $%,.2f%n",
                    reconciliation.path("customers").asLong(), reconciliation.path("withDifferences").asLong(),
                    reconciliation.path("amountDueCents").asLong() / 100.0);
        }
    }

    private static void register(OperatorApi admin, int customers) throws Exception {
        AtomicInteger failed = new AtomicInteger();
        try (var threads = Executors.newFixedThreadPool(16)) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < customers; c++) {
                int n = c;
                done.add(threads.submit(() -> {
                    int status = admin.postStatus("/v1/customers", "{\"id\":\"bench-" + n + "\",\"name\":\"Bench " + n
                            + "\",\"plan\":\"" + PLANS[n % PLANS.length] + "\"}");
                    if (status != 201) {
                        failed.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " registrations failed");
        }
    }

    private static double seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toMillis() / 1e3;
    }
}
