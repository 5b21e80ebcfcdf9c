-- Outbound alert webhooks: the endpoints operators configure, and the delivery outbox filled from
-- caps.alerts in the same transaction as the Kafka offsets (webhook_offsets).

CREATE TABLE webhooks (
    id              VARCHAR(40)   PRIMARY KEY,              -- wh_…
    url             VARCHAR(2048) NOT NULL,
    customer        VARCHAR(128),                           -- only this customer's alerts; NULL: every customer's
    format          VARCHAR(16)   NOT NULL CHECK (format IN ('json', 'slack')),
    description     VARCHAR(500),
    -- the HMAC key of Microcent-Signature; readable because every delivery is signed with it, never listed
    secret          VARCHAR(100)  NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    disabled_at     TIMESTAMPTZ,                            -- set when the endpoint answered 410 Gone
    disabled_reason VARCHAR(500)
);

CREATE TABLE webhook_deliveries (
    id               VARCHAR(40)  PRIMARY KEY,              -- dlv_…
    webhook_id       VARCHAR(40)  NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    alert_id         TEXT         NOT NULL,                 -- CapAlert.alertId, sent as Microcent-Event-Id
    event_type       VARCHAR(64)  NOT NULL,                 -- cap.threshold_crossed | cap.blocked
    body             TEXT         NOT NULL,                 -- rendered once, so every attempt sends the same bytes
    status           VARCHAR(16)  NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         INTEGER      NOT NULL DEFAULT 0,
    last_status_code INTEGER,
    last_error       VARCHAR(1000),
    -- when a pending delivery is due; while an attempt is in flight, when its claim expires
    next_attempt_at  TIMESTAMPTZ,
    delivered_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL,
    -- one delivery per endpoint and alert, however often the alert is read from caps.alerts
    CONSTRAINT webhook_deliveries_once UNIQUE (webhook_id, alert_id)
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, created_at DESC);

-- The next caps.alerts offset to read per partition, stored with the deliveries it produced.
CREATE TABLE webhook_offsets (
    projection  VARCHAR(128) NOT NULL,
    topic       VARCHAR(249) NOT NULL,
    partition   INTEGER      NOT NULL,
    next_offset BIGINT       NOT NULL,
    PRIMARY KEY (projection, topic, partition)
);
