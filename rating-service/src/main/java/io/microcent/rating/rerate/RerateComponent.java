package io.microcent.rating.rerate;

import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.service.ServiceContext;
import io.microcent.rating.pricebook.write.PriceBookRepository;
import io.microcent.rating.stream.RatingRules;
import io.microcent.rating.stream.UsageRater;
import org.jooq.DSLContext;

import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Re-rating inside the rating service: its operator API and the jobs behind it, rating with the same
 * rules as the topology. Expects the {@code rating} schema migrated.
 */
public final class RerateComponent implements AutoCloseable {

    /** Jobs that may wait for a thread; beyond them a request is refused (503) rather than queued without bound. */
    static final int QUEUED_JOBS = 100;

    private final UsageLog log;
    private final RerateJobs jobs;
    private final RerateRoutes routes;

    private RerateComponent(UsageLog log, RerateJobs jobs, RerateRoutes routes) {
        this.log = log;
        this.jobs = jobs;
        this.routes = routes;
    }

    public static RerateComponent start(ServiceContext context, RatingRules rules, RerateSettings settings) {
        String clientId = context.instanceId() + "-rerate";
        DSLContext db = context.database().dsl();
        PriceBookRepository prices = new PriceBookRepository();
        UsageLog log = new UsageLog(context.kafkaBootstrap(), clientId);
        RerateRunner runner = new RerateRunner(log, new UsageRater(rules), () -> new CurrentPriceBook(db, prices),
                (customer, period) -> new CorrectionWriter(context.kafkaBootstrap(),
                        clientId + "-" + UUID.randomUUID().toString().substring(0, 8), customer, period),
                context.clock(), settings.catchUpTimeout());
        RerateJobs jobs = new RerateJobs(executor(settings.threads()), runner,
                new RerateJobHistory(db, context.instanceId()), context.clock());
        RerateRoutes routes = new RerateRoutes(context.operatorAuth(), new CustomerPlans(log), rules.plans(), jobs, context.clock());
        return new RerateComponent(log, jobs, routes);
    }

    static ExecutorService executor(int threads) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUED_JOBS),
                task -> {
                    Thread thread = new Thread(task, "rerate-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    public HttpRoutes routes() {
        return routes;
    }

    @Override
    public void close() {
        jobs.close();
        log.close();
    }
}
