-- Read model of the invoice aggregate: one row per invoice (customer, period, revision), kept by
-- InvoicesProjection in the deciding command's transaction. Lines are stored as the events carry them.
create table invoices (
    id                  text        primary key,
    customer            text        not null,
    period              text        not null,
    revision            integer     not null,
    status              text        not null,
    lines               jsonb       not null,
    subtotal_microcents bigint      not null,
    discount_microcents bigint      not null,
    total_microcents    bigint      not null,
    subtotal_cents      bigint,
    discount_cents      bigint,
    total_cents         bigint,
    amount_due_cents    bigint,
    credit_cents        bigint,
    early               boolean     not null default false,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    finalized_at        timestamptz,
    paid_at             timestamptz,
    voided_at           timestamptz,
    unique (customer, period, revision)
);

create index invoices_by_period on invoices (period, customer);
create index invoices_by_status on invoices (status, created_at desc);
create index invoices_newest on invoices (created_at desc, id desc);
