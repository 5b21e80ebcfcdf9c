-- Rated usage summed per customer, hour and every dimension analytics can group by, projected from
-- usage.rated exactly once (rollups/HourlyRollupProjection): the sums and the Kafka offsets they include
-- commit together. An absent dimension is stored as '' (ids are never blank, so '' cannot clash with one);
-- it takes part in the key like any other value.
CREATE TABLE usage_hourly (
    customer           TEXT        NOT NULL,
    -- event time truncated to the hour (UTC): when the calls happened, not when they were ingested or rated
    hour               TIMESTAMPTZ NOT NULL,
    -- the billing period the usage was rated in, YYYY-MM; late usage lands in a later period than its hour
    period             TEXT        NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    project            TEXT        NOT NULL,
    cost_center        TEXT        NOT NULL,
    api_key_id         TEXT        NOT NULL,
    user_id            TEXT        NOT NULL,
    team               TEXT        NOT NULL,
    provider           TEXT        NOT NULL,
    model              TEXT        NOT NULL,
    -- the UTC calendar day of the hour, what daily series group by
    day                DATE        GENERATED ALWAYS AS ((hour AT TIME ZONE 'UTC')::date) STORED,
    requests           BIGINT      NOT NULL,
    input_tokens       BIGINT      NOT NULL,
    output_tokens      BIGINT      NOT NULL,
    cache_read_tokens  BIGINT      NOT NULL,
    cache_write_tokens BIGINT      NOT NULL,
    -- what the usage cost at the providers, in microcents
    cost_microcents    BIGINT      NOT NULL,
    -- what the customer owes for the usage under its plan, in microcents
    charge_microcents  BIGINT      NOT NULL,
    -- the upsert's conflict target; its (customer, hour) prefix serves one customer's date ranges
    PRIMARY KEY (customer, hour, period, project, cost_center, api_key_id, user_id, team, provider, model)
);

-- date ranges across all customers (operator analytics without a customer)
CREATE INDEX usage_hourly_by_hour ON usage_hourly (hour);

-- a customer's billing period, per model
CREATE INDEX usage_hourly_by_customer_period ON usage_hourly (customer, period);
