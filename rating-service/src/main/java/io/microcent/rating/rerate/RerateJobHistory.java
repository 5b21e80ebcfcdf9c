package io.microcent.rating.rerate;

import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.rating.db.tables.records.RerateJobsRecord;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import static io.microcent.rating.db.Tables.RERATE_JOBS;

/** Re-rating jobs in {@code rating.rerate_jobs}: each written whole whenever its status changes. */
final class RerateJobHistory {

    private final DSLContext db;
    private final String instanceId;

    RerateJobHistory(DSLContext db, String instanceId) {
        this.db = db;
        this.instanceId = instanceId;
    }

    void save(RerateJobView job) {
        RerateJobsRecord row = db.newRecord(RERATE_JOBS);
        row.setJobId(job.jobId());
        row.setCustomer(job.customer().raw());
        row.setPeriod(job.period().toString());
        row.setStatus(job.status().code());
        row.setEventsRead(job.eventsRead());
        row.setEventsInPeriod(job.eventsInPeriod());
        row.setEventsChanged(job.eventsChanged());
        row.setCostDeltaMicrocents(job.costDeltaMicrocents().value());
        row.setChargeDeltaMicrocents(job.chargeDeltaMicrocents().value());
        row.setStartedAt(utc(job.startedAt()));
        row.setFinishedAt(utc(job.finishedAt()));
        row.setError(job.error());
        row.setInstanceId(instanceId);
        db.insertInto(RERATE_JOBS).set(row)
                .onConflict(RERATE_JOBS.JOB_ID)
                .doUpdate().set(row)
                .execute();
    }

    Optional<RerateJobView> find(UUID jobId) {
        return db.selectFrom(RERATE_JOBS).where(RERATE_JOBS.JOB_ID.eq(jobId)).fetchOptional(RerateJobHistory::toView);
    }

    private static RerateJobView toView(RerateJobsRecord row) {
        return new RerateJobView(row.getJobId(), CustomerId.of(row.getCustomer()), BillingPeriod.parse(row.getPeriod()),
                RerateStatus.ofCode(row.getStatus()), row.getEventsRead(), row.getEventsInPeriod(), row.getEventsChanged(),
                Microcents.of(row.getCostDeltaMicrocents()), Microcents.of(row.getChargeDeltaMicrocents()),
                row.getStartedAt().toInstant(), row.getFinishedAt() == null ? null : row.getFinishedAt().toInstant(),
                row.getError());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
