package io.microcent.rating.rerate;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;

import java.time.Clock;
import java.util.UUID;

/**
 * The operator API of re-rating (operator token required):
 * <ul>
 *   <li>{@code POST /v1/customers/{id}/rerate?period=YYYY-MM}: starts a job → 202 {@code {jobId, status, progressUrl}};
 *       400 for a missing, malformed or future period, 404 for a customer rating has no plan for, 409 while a
 *       job of the same customer and period runs on this instance;</li>
 *   <li>{@code GET /v1/rerate-jobs/{jobId}}: the job's progress ({@link RerateJobView}).</li>
 * </ul>
 */
final class RerateRoutes implements HttpRoutes {

    static final String JOB_PATH = "/v1/rerate-jobs/";

    /** The answer to a started job; its progress is at {@code progressUrl}. */
    record Accepted(UUID jobId, RerateStatus status, String progressUrl) {
    }

    private final OperatorAuth auth;
    private final CustomerPlans plans;
    private final PlanCatalog catalog;
    private final RerateJobs jobs;
    private final Clock clock;

    RerateRoutes(OperatorAuth auth, CustomerPlans plans, PlanCatalog catalog, RerateJobs jobs, Clock clock) {
        this.auth = auth;
        this.plans = plans;
        this.catalog = catalog;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/customers/{id}/rerate", this::rerate);
        routes.get(JOB_PATH + "{jobId}", this::job);
    }

    private void rerate(Context ctx) {
        auth.require(ctx);
        CustomerId customer = CustomerId.of(ctx.pathParam("id"));
        BillingPeriod period = period(ctx.queryParam("period"));
        CustomerPlan plan = currentPlan(customer);
        RerateJobView job;
        try {
            job = jobs.start(plan, period);
        } catch (RerateJobs.AlreadyRunning e) {
            throw new ApiException(ErrorCode.CONFLICT, "a re-rating of " + customer + " for " + period
                    + " is already running: " + JOB_PATH + e.runningJob());
        } catch (RerateJobs.TooManyJobs e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, e.getMessage());
        }
        ctx.status(HttpStatus.ACCEPTED).json(new Accepted(job.jobId(), job.status(), JOB_PATH + job.jobId()));
    }

    private void job(Context ctx) {
        auth.require(ctx);
        UUID jobId;
        try {
            jobId = UUID.fromString(ctx.pathParam("jobId"));
        } catch (IllegalArgumentException e) {
            throw noSuchJob(ctx.pathParam("jobId"));
        }
        ctx.json(jobs.find(jobId).orElseThrow(() -> noSuchJob(jobId.toString())));
    }

    private BillingPeriod period(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badParameter("period", "give the billing period to re-rate as ?period=YYYY-MM, e.g. 2026-11");
        }
        BillingPeriod period;
        try {
            period = BillingPeriod.parse(raw.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("period", "period must be a month written YYYY-MM, e.g. 2026-11");
        }
        if (period.start().isAfter(clock.instant())) {
            throw ApiException.badParameter("period", "period " + period + " has not started: there is nothing to re-rate");
        }
        return period;
    }

    private CustomerPlan currentPlan(CustomerId customer) {
        CustomerPlan plan;
        try {
            plan = plans.current(customer).orElseThrow(() -> new ApiException(ErrorCode.CUSTOMER_NOT_FOUND,
                    "rating has no plan for customer " + customer + ", so none of its usage was rated"));
        } catch (RerateException e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "cannot read the customer's plan: " + e.getMessage());
        }
        if (catalog.find(plan.plan()).isEmpty()) {
            throw new ApiException(ErrorCode.UNKNOWN_PLAN, "customer " + customer + " is on plan " + plan.plan()
                    + ", which is not in rating's plan catalog: its usage cannot be rated");
        }
        return plan;
    }

    private static ApiException noSuchJob(String jobId) {
        return new ApiException(ErrorCode.NOT_FOUND, "no re-rating job " + jobId);
    }
}
