-- Re-rating jobs (rerate/*): one row per POST /v1/customers/{id}/rerate, rewritten as the job moves from
-- status to status and kept as history. The instance running a job also answers its progress from memory,
-- more often than this row is written.
CREATE TABLE rerate_jobs (
    job_id                  UUID         PRIMARY KEY,
    customer                VARCHAR(128) NOT NULL,
    -- the billing period re-rated, YYYY-MM
    period                  TEXT         NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    status                  TEXT         NOT NULL
        CHECK (status IN ('waiting_for_rating', 'replaying', 'writing', 'done', 'failed')),
    -- usage.events records read from the customer's partition (shared with other customers)
    events_read             BIGINT       NOT NULL,
    -- the customer's events of the period rated again
    events_in_period        BIGINT       NOT NULL,
    -- of those, the ones whose rating changed: one correction each on usage.rated
    events_changed          BIGINT       NOT NULL,
    -- what the corrections add to the period's provider cost and charge, in microcents (negative: less)
    cost_delta_microcents   BIGINT       NOT NULL,
    charge_delta_microcents BIGINT       NOT NULL,
    started_at              TIMESTAMPTZ  NOT NULL,
    finished_at             TIMESTAMPTZ,
    error                   TEXT,
    -- the rating instance that ran the job
    instance_id             TEXT         NOT NULL
);

-- a customer's re-ratings of a period, in the order they started
CREATE INDEX rerate_jobs_by_customer_period ON rerate_jobs (customer, period, started_at);
