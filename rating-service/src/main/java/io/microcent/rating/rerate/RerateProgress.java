package io.microcent.rating.rerate;

import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.RatedUsage;

import java.time.Instant;
import java.util.UUID;

/**
 * The live progress of one job: written by the thread running it, read by any request asking. Every
 * method is synchronized so that a reader always sees one consistent moment of the job.
 */
final class RerateProgress {

    private final UUID jobId;
    private final CustomerId customer;
    private final BillingPeriod period;
    private final Instant startedAt;
    private RerateStatus status = RerateStatus.WAITING_FOR_RATING;
    private long eventsRead;
    private long eventsInPeriod;
    private long eventsChanged;
    private Microcents costDelta = Microcents.ZERO;
    private Microcents chargeDelta = Microcents.ZERO;
    private Instant finishedAt;
    private String error;

    RerateProgress(UUID jobId, CustomerId customer, BillingPeriod period, Instant startedAt) {
        this.jobId = jobId;
        this.customer = customer;
        this.period = period;
        this.startedAt = startedAt;
    }

    UUID jobId() {
        return jobId;
    }

    CustomerId customer() {
        return customer;
    }

    BillingPeriod period() {
        return period;
    }

    synchronized void moveTo(RerateStatus next) {
        status = next;
    }

    synchronized void recordRead() {
        eventsRead++;
    }

    synchronized void eventInPeriod() {
        eventsInPeriod++;
    }

    synchronized void corrected(RatedUsage correction) {
        eventsChanged++;
        costDelta = costDelta.plus(correction.costMicrocents());
        chargeDelta = chargeDelta.plus(correction.chargeMicrocents());
    }

    synchronized void done(Instant at) {
        status = RerateStatus.DONE;
        finishedAt = at;
    }

    /** Nothing was written: the figures say what the job had computed when it stopped. */
    synchronized void failed(String why, Instant at) {
        status = RerateStatus.FAILED;
        error = why;
        finishedAt = at;
    }

    synchronized RerateJobView view() {
        return new RerateJobView(jobId, customer, period, status, eventsRead, eventsInPeriod, eventsChanged,
                costDelta, chargeDelta, startedAt, finishedAt, error);
    }
}
