-- The event ids already in usage.events, per customer: the first, best-effort layer of deduplication.
-- A row is written only after Kafka acknowledged the event, so a row never claims an event that is not
-- in the log. (A crash between the acknowledgement and the insert lets a retry produce the event again;
-- the rating topology's own store of event ids is the authoritative, exactly-once dedup.)
create table seen_events (
    customer      text        not null,
    event_id      text        not null,
    -- ingest time of the accepted request; rows older than the retention are purged hourly
    first_seen_at timestamptz not null,
    primary key (customer, event_id)
);

create index seen_events_first_seen_at on seen_events (first_seen_at);
