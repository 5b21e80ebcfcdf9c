-- Stripe sync (package stripe/). stripe_invoices is the outbox: a row is written by StripeOutbox in the
-- transaction that finalized the invoice, so a finalized invoice is never lost on its way to Stripe; the
-- sync worker then moves it through Stripe and records what Stripe answered.
CREATE TABLE stripe_invoices (
    invoice_id              VARCHAR(64)  PRIMARY KEY,
    customer_id             VARCHAR(128) NOT NULL,
    period                  TEXT         NOT NULL,
    -- what Stripe is asked to collect: the sum of the lines, in cents
    amount_due_cents        BIGINT       NOT NULL CHECK (amount_due_cents >= 0),
    status                  TEXT         NOT NULL CHECK (status IN ('off', 'pending', 'synced', 'failed', 'not_required')),
    -- sync passes started, and the version of the idempotency keys the next pass sends: raised after every
    -- failed or interrupted pass, so an answer Stripe stored under an older key (even a 500) is never replayed
    attempts                INTEGER      NOT NULL DEFAULT 0,
    key_version             INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at         TIMESTAMPTZ,
    last_error              TEXT,
    -- Stripe's ids, recorded as soon as they are known
    stripe_customer_id      TEXT,
    stripe_invoice_id       TEXT UNIQUE,
    -- Stripe's figures of the finalized Stripe invoice
    stripe_total_cents      BIGINT,
    stripe_amount_due_cents BIGINT,
    -- the instance syncing the row now, until when: another instance takes it over only after that
    lease_owner             TEXT,
    lease_until             TIMESTAMPTZ,
    created_at              TIMESTAMPTZ  NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL
);

CREATE INDEX stripe_invoices_due ON stripe_invoices (next_attempt_at) WHERE status = 'pending';

-- The lines of each invoice, in the invoice's order; each becomes one Stripe invoice item.
CREATE TABLE stripe_invoice_lines (
    invoice_id     VARCHAR(64) NOT NULL REFERENCES stripe_invoices (invoice_id),
    line_index     INTEGER     NOT NULL,
    description    TEXT        NOT NULL,
    amount_cents   BIGINT      NOT NULL,
    stripe_item_id TEXT,
    PRIMARY KEY (invoice_id, line_index)
);

-- Our customer → its Stripe customer, created once for all its invoices.
CREATE TABLE stripe_customers (
    customer_id        VARCHAR(128) PRIMARY KEY,
    stripe_customer_id TEXT,
    -- as stripe_invoices.key_version, for the customer's creation
    key_version        INTEGER      NOT NULL DEFAULT 0,
    -- whether LinkStripeCustomer was accepted for it
    linked             BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at         TIMESTAMPTZ  NOT NULL
);

-- Stripe webhook events already turned into commands, written in the command's transaction: a redelivered
-- event is acknowledged and ignored, and an event whose command failed is not here (Stripe sends it again).
CREATE TABLE stripe_webhook_events (
    event_id    TEXT        PRIMARY KEY,
    type        TEXT        NOT NULL,
    invoice_id  VARCHAR(64) NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);
