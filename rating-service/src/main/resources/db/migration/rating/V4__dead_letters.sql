-- Every record any consumer set aside on the dead-letters topic (deadletters/*), for GET /v1/dead-letters and
-- replay. The original key and value are kept as bytes and every header text is cleaned before it is stored,
-- so no record can poison this projection itself.
CREATE TABLE dead_letters (
    id               BIGSERIAL    PRIMARY KEY,
    -- where the dead letter itself lies on the dead-letters topic
    dl_partition     INTEGER      NOT NULL,
    dl_offset        BIGINT       NOT NULL,
    -- a DeadLetterReason code, e.g. customer_unknown
    reason           TEXT         NOT NULL,
    -- the application or projection that set it aside, e.g. microcent-rating
    consumer         TEXT         NOT NULL,
    -- where the original record was read; partition and offset null when unknown
    source_topic     TEXT         NOT NULL,
    source_partition INTEGER,
    source_offset    BIGINT,
    customer         TEXT,
    detail           TEXT,
    dead_lettered_at TIMESTAMPTZ  NOT NULL,
    -- the original record: its timestamp (epoch ms; ingest time for usage) and bytes
    original_timestamp BIGINT,
    record_key       BYTEA,
    record_value     BYTEA,
    -- when POST /v1/dead-letters/replay republished it; null while not replayed
    replayed_at      TIMESTAMPTZ,
    UNIQUE (dl_partition, dl_offset)
);

-- a record set aside twice (its consumer retried after producing the dead letter) is listed once
CREATE UNIQUE INDEX dead_letters_once_per_source ON dead_letters (consumer, source_topic, source_partition, source_offset);
CREATE INDEX dead_letters_by_reason ON dead_letters (reason, id);
CREATE INDEX dead_letters_by_customer ON dead_letters (customer, id);
