-- The price book: what each model's tokens cost at its provider, from which instant (pricebook/*).
-- Prices are exact decimals in US dollars per token (NUMERIC, never a float): 0.0000025 is gpt-4o input.
-- A NULL price means "the catalog gives none for this token type"; the rating rule decides what applies
-- then (see rating-service/README.md), so the stored figures stay exactly what the operator gave.

-- One row per price book key: a model id as a catalog names it (gpt-4o, azure/gpt-4o,
-- anthropic.claude-3-haiku-20240307-v1:0). Writers lock this row to publish a model's history in order.
CREATE TABLE price_book_models (
    model      VARCHAR(200) PRIMARY KEY,
    created_at TIMESTAMPTZ  NOT NULL
);

-- Each model's prices over time: the row with the latest effective_from at or before an event's
-- timestamp is the price of that event.
CREATE TABLE model_prices (
    model                       VARCHAR(200) NOT NULL REFERENCES price_book_models (model),
    effective_from              TIMESTAMPTZ  NOT NULL,
    -- the provider the price is for, as the catalog names it (openai, anthropic, bedrock, ...)
    provider                    VARCHAR(100),
    input_per_token             NUMERIC CHECK (input_per_token >= 0),
    output_per_token            NUMERIC CHECK (output_per_token >= 0),
    cache_read_per_token        NUMERIC CHECK (cache_read_per_token >= 0),
    cache_write_per_token       NUMERIC CHECK (cache_write_per_token >= 0),
    -- long-context tier: when a request's input tokens (cached ones included) exceed this many, the
    -- tier's prices apply to the whole request; NULL threshold: the model has no such tier
    long_context_above_tokens   BIGINT CHECK (long_context_above_tokens > 0),
    long_input_per_token        NUMERIC CHECK (long_input_per_token >= 0),
    long_output_per_token       NUMERIC CHECK (long_output_per_token >= 0),
    long_cache_read_per_token   NUMERIC CHECK (long_cache_read_per_token >= 0),
    long_cache_write_per_token  NUMERIC CHECK (long_cache_write_per_token >= 0),
    -- import (a LiteLLM catalog) or override (one model set by an operator)
    source                      VARCHAR(20)  NOT NULL CHECK (source IN ('import', 'override')),
    recorded_at                 TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (model, effective_from)
);

-- Models that usage named but the price book could not price: such usage is rated at zero cost and
-- flagged unpriced on usage.rated. Projected from usage.rated exactly once (pricebook/UnpricedUsageProjection).
-- provider is '' when the event named none.
CREATE TABLE unpriced_models (
    model      VARCHAR(200) NOT NULL,
    provider   TEXT         NOT NULL,
    events     BIGINT       NOT NULL,
    -- ingest times of the first and last such event
    first_seen TIMESTAMPTZ  NOT NULL,
    last_seen  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (model, provider)
);

-- Which customers sent that unpriced usage, and how many events each.
CREATE TABLE unpriced_model_customers (
    model    VARCHAR(200) NOT NULL,
    provider TEXT         NOT NULL,
    customer VARCHAR(128) NOT NULL,
    events   BIGINT       NOT NULL,
    PRIMARY KEY (model, provider, customer),
    FOREIGN KEY (model, provider) REFERENCES unpriced_models (model, provider)
);

-- The next Kafka offset each projection of this schema reads, per topic partition, written in the
-- same transaction as the projection's rows. Shared by every projection of the rating schema.
CREATE TABLE projection_offsets (
    projection  VARCHAR(128) NOT NULL,
    topic       VARCHAR(249) NOT NULL,
    partition   INTEGER      NOT NULL,
    next_offset BIGINT       NOT NULL,
    PRIMARY KEY (projection, topic, partition)
);
