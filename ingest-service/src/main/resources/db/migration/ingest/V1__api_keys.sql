-- Ingest API keys: the credentials senders of usage events present as 'Authorization: Bearer <secret>'.
-- The secret itself is never stored, only its SHA-256 (see ApiKeySecret for why a fast hash is enough).
create table api_keys (
    id            text        primary key,
    name          text        not null check (char_length(name) between 1 and 100),
    -- when set, the key may only send events for this customer
    customer      text,
    -- lowercase hex of SHA-256(secret); the only way a presented secret is found
    secret_sha256 text        not null unique check (secret_sha256 ~ '^[0-9a-f]{64}$'),
    created_at    timestamptz not null,
    -- set once, when the key is revoked; a revoked key never authenticates again
    revoked_at    timestamptz
);
