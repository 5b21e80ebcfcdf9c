-- Rated usage summed per customer and billing period, projected from usage.rated exactly once
-- (read/usage/UsageProjection): the sums and the Kafka offsets they include commit together.
CREATE TABLE usage_periods (
    customer          VARCHAR(128) NOT NULL,
    -- the billing period, a calendar month in UTC written YYYY-MM
    period            TEXT         NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    requests          BIGINT       NOT NULL DEFAULT 0,
    included_requests BIGINT       NOT NULL DEFAULT 0,
    overage_requests  BIGINT       NOT NULL DEFAULT 0,
    -- what the customer owes for the usage under its plan, in microcents
    charge_microcents BIGINT       NOT NULL DEFAULT 0,
    -- what the usage cost at the providers, in microcents
    cost_microcents   BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (customer, period)
);

-- The next Kafka offset each projection of this schema reads, per topic partition.
CREATE TABLE projection_offsets (
    projection  VARCHAR(128) NOT NULL,
    topic       VARCHAR(249) NOT NULL,
    partition   INTEGER      NOT NULL,
    next_offset BIGINT       NOT NULL,
    PRIMARY KEY (projection, topic, partition)
);
