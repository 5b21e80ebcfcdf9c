-- Webhooks deliver invoice transitions (invoice.events) as well as cap alerts: a delivery names the event it
-- carries, whatever its kind, and an endpoint may choose the event types it gets.

ALTER TABLE webhook_deliveries RENAME COLUMN alert_id TO event_id;  -- sent as Microcent-Event-Id
ALTER TABLE webhook_deliveries RENAME CONSTRAINT webhook_deliveries_once TO webhook_deliveries_once_per_event;

-- types (invoice.paid) and groups (cap.*, invoice.*); NULL: every type
ALTER TABLE webhooks ADD COLUMN events TEXT[];
