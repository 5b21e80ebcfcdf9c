package io.microcent.rating.rerate;

import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;

import java.time.Instant;
import java.util.UUID;

/**
 * A re-rating job as {@code GET /v1/rerate-jobs/{jobId}} answers it and {@code rating.rerate_jobs} keeps it.
 *
 * @param eventsRead            {@code usage.events} records read so far from the customer's partition (which
 *                              other customers share), from the start of the period on
 * @param eventsInPeriod        the customer's events of the period rated again so far
 * @param eventsChanged         of those, the events whose rating changed: one correction each
 * @param costDeltaMicrocents   what the corrections add to the period's provider cost (negative: less)
 * @param chargeDeltaMicrocents what they add to the period's charge
 * @param finishedAt            absent while the job runs
 * @param error                 why the job failed; absent unless it did
 */
public record RerateJobView(UUID jobId, CustomerId customer, BillingPeriod period, RerateStatus status,
                            long eventsRead, long eventsInPeriod, long eventsChanged,
                            Microcents costDeltaMicrocents, Microcents chargeDeltaMicrocents,
                            Instant startedAt, Instant finishedAt, String error) {
}
