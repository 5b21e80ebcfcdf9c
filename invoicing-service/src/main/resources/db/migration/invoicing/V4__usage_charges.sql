-- Rated usage summed per customer, billing period and charge of the plan (read/usage/UsageProjection), in the
-- same transaction as usage_periods and the Kafka offsets: a period's rows add up to its charge_microcents
-- there. One invoice usage line per row.
CREATE TABLE usage_charges (
    customer          VARCHAR(128) NOT NULL,
    -- the billing period, a calendar month in UTC written YYYY-MM
    period            TEXT         NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    -- the charge's key: a meter's name (requests, input_tokens, output_tokens, total_tokens) or token_pass_through
    charge            VARCHAR(64)  NOT NULL,
    -- units on the charge's meter (all tokens for the pass-through); corrections add none
    quantity          BIGINT       NOT NULL DEFAULT 0,
    -- what the customer owes for the charge, in microcents (negative lines such as volume-tier credits included)
    charge_microcents BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (customer, period, charge)
);

-- period close reads one period for a page of customers at a time
CREATE INDEX usage_charges_by_period ON usage_charges (period, customer);
