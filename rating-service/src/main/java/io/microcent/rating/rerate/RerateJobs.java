package io.microcent.rating.rerate;

import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.CustomerPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The re-rating jobs of this instance: at most one per customer and period at a time, run on a small
 * bounded executor, their progress kept in memory while they run (and for the latest finished ones) and
 * written to {@link RerateJobHistory} at every change of status.
 */
final class RerateJobs implements AutoCloseable {

    /** What a job does; {@link RerateRunner} in the service. */
    @FunctionalInterface
    interface Runner {
        /** Runs the job to its end; returns normally when its corrections are committed. */
        void run(RerateProgress progress, CustomerPlan plan, Checkpoint checkpoint);
    }

    /** Told each time a job reaches a new status, for the history. */
    @FunctionalInterface
    interface Checkpoint {
        void reached(RerateProgress progress);
    }

    /** A job of the same customer and period is still running (or queued). */
    static final class AlreadyRunning extends RuntimeException {
        private final UUID runningJob;

        AlreadyRunning(UUID runningJob) {
            super("a re-rating of this customer and period is already running: job " + runningJob);
            this.runningJob = runningJob;
        }

        UUID runningJob() {
            return runningJob;
        }
    }

    /** The executor's queue is full. */
    static final class TooManyJobs extends RuntimeException {
        TooManyJobs() {
            super("too many re-ratings are waiting to run on this instance; retry later");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(RerateJobs.class);
    /** Finished jobs answered from memory; older ones from the history table. */
    private static final int FINISHED_KEPT = 500;

    private final ExecutorService executor;
    private final Runner runner;
    private final RerateJobHistory history;
    private final Clock clock;
    private final Map<String, RerateProgress> runningByPeriod = new ConcurrentHashMap<>();
    private final Map<UUID, RerateProgress> recent = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, RerateProgress> eldest) {
            return size() > FINISHED_KEPT && eldest.getValue().view().status().isFinished();
        }
    });

    RerateJobs(ExecutorService executor, Runner runner, RerateJobHistory history, Clock clock) {
        this.executor = executor;
        this.runner = runner;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Starts re-rating the customer's period on its current plan.
     *
     * @throws AlreadyRunning when a job of the same customer and period has not finished
     * @throws TooManyJobs    when the executor cannot take another job
     */
    RerateJobView start(CustomerPlan plan, BillingPeriod period) {
        RerateProgress progress = new RerateProgress(UUID.randomUUID(), plan.customer(), period, clock.instant());
        String key = key(plan.customer(), period);
        RerateProgress running = runningByPeriod.putIfAbsent(key, progress);
        if (running != null) {
            throw new AlreadyRunning(running.jobId());
        }
        try {
            record(progress);
            recent.put(progress.jobId(), progress);
            executor.execute(() -> run(progress, plan, key));
        } catch (RejectedExecutionException e) {
            recent.remove(progress.jobId());
            runningByPeriod.remove(key, progress);
            throw new TooManyJobs();
        } catch (RuntimeException e) {
            runningByPeriod.remove(key, progress);
            throw e;
        }
        log.info("re-rating {} of customer {}: job {}", period, plan.customer(), progress.jobId());
        return progress.view();
    }

    /** The job as this instance last saw it, or as the history has it when another instance ran it. */
    Optional<RerateJobView> find(UUID jobId) {
        RerateProgress progress = recent.get(jobId);
        return progress != null ? Optional.of(progress.view()) : history.find(jobId);
    }

    private void run(RerateProgress progress, CustomerPlan plan, String key) {
        try {
            runner.run(progress, plan, this::record);
            progress.done(clock.instant());
            RerateJobView done = progress.view();
            log.info("re-rated {} of customer {} (job {}): {} events, {} corrected, cost {} charge {}", done.period(),
                    done.customer(), done.jobId(), done.eventsInPeriod(), done.eventsChanged(),
                    done.costDeltaMicrocents(), done.chargeDeltaMicrocents());
        } catch (RuntimeException e) {
            // the reason is shown to clients in the job: our own words, never an exception's class (the log has it)
            String why = e instanceof RerateException ? e.getMessage() : "unexpected error; it has been logged";
            log.warn("re-rating {} of customer {} (job {}) failed: {}", progress.period(), progress.customer(),
                    progress.jobId(), why, e);
            progress.failed(why, clock.instant());
        } finally {
            runningByPeriod.remove(key, progress);
            record(progress);
        }
    }

    /** The history is a record, not the job: a database hiccup is logged and does not fail the job. */
    private void record(RerateProgress progress) {
        try {
            history.save(progress.view());
        } catch (RuntimeException e) {
            log.warn("could not record re-rating job {} in rating.rerate_jobs: {}", progress.jobId(), e.toString());
        }
    }

    private static String key(CustomerId customer, BillingPeriod period) {
        return customer.raw() + "|" + period;
    }

    /**
     * Stops the jobs: a running job is interrupted and fails. One stopped before its commit wrote nothing; one
     * stopped during its commit may have written its corrections. Either way, running it again is safe.
     */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
                log.warn("re-rating jobs did not stop within 15 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
