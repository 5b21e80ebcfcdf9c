-- The alerts caps sent (threshold crossings read from caps.alerts), kept for operators to read per cap:
-- written by the alert webhook projection in the transaction of its offsets, so each alert is kept once,
-- whether or not any endpoint wants it. Alerts published before this table existed are not in it.
CREATE TABLE cap_alerts (
    alert_id    TEXT        PRIMARY KEY,   -- <capId>|<period>|<threshold>, CapAlert.alertId
    cap_id      VARCHAR(64) NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,      -- CapAlert.occurredAt: ingest time of the usage that crossed it
    alert       TEXT        NOT NULL       -- the CapAlert as JSON, as published
);

CREATE INDEX cap_alerts_of_cap ON cap_alerts (cap_id, occurred_at DESC);
