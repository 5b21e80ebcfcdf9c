-- When a key last authenticated a request, approximately: remembered in memory on each request and written
-- here at most once a minute per key and instance (ApiKeyUsage), never once per request.
alter table api_keys add column last_used_at timestamptz;
