-- Rated usage summed per customer, UTC day and every dimension of usage_hourly: the same rows with the hours of
-- a day added together. Analytics reads it for the whole days of a range (a year is 365 rows per key instead of
-- 8,760) and usage_hourly only for the hours at the edges. The hourly rollup projection writes both tables in one
-- statement, in the transaction that stores its Kafka offsets, so the two always hold the same usage. The counters
-- are bigint like usage_hourly's (a year of a large customer's tokens passes 2^31 in a day).
CREATE TABLE usage_daily (
    customer           TEXT   NOT NULL,
    -- the UTC calendar day of the usage's hours (usage_hourly.day)
    day                DATE   NOT NULL,
    -- the billing period the usage was rated in, YYYY-MM
    period             TEXT   NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    project            TEXT   NOT NULL,
    cost_center        TEXT   NOT NULL,
    api_key_id         TEXT   NOT NULL,
    user_id            TEXT   NOT NULL,
    team               TEXT   NOT NULL,
    provider           TEXT   NOT NULL,
    model              TEXT   NOT NULL,
    tags               TEXT[] NOT NULL,
    requests           BIGINT NOT NULL,
    input_tokens       BIGINT NOT NULL,
    output_tokens      BIGINT NOT NULL,
    cache_read_tokens  BIGINT NOT NULL,
    cache_write_tokens BIGINT NOT NULL,
    cost_microcents    BIGINT NOT NULL,
    charge_microcents  BIGINT NOT NULL,
    -- the upsert's conflict target; its (customer, day) prefix serves one customer's date ranges
    PRIMARY KEY (customer, day, period, project, cost_center, api_key_id, user_id, team, provider, model, tags)
);

-- date ranges across all customers (operator analytics without a customer)
CREATE INDEX usage_daily_by_day ON usage_daily (day);

-- a customer's billing period, per model
CREATE INDEX usage_daily_by_customer_period ON usage_daily (customer, period);

-- the usage projected before this table existed
INSERT INTO usage_daily (customer, day, period, project, cost_center, api_key_id, user_id, team, provider, model, tags,
                         requests, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens,
                         cost_microcents, charge_microcents)
SELECT customer, day, period, project, cost_center, api_key_id, user_id, team, provider, model, tags,
       sum(requests), sum(input_tokens), sum(output_tokens), sum(cache_read_tokens), sum(cache_write_tokens),
       sum(cost_microcents), sum(charge_microcents)
FROM usage_hourly
GROUP BY customer, day, period, project, cost_center, api_key_id, user_id, team, provider, model, tags;
