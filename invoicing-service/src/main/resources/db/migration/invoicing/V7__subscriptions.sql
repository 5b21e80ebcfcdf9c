-- Subscriptions: what a customer pays its base fee for, kept by read/subscriptions/SubscriptionsProjection and
-- read/customers/CustomersProjection in the same transaction as the customer events they are built from.

-- where invoices go and the Stripe customer that collects them (StripeCustomerLinked)
ALTER TABLE customers ADD COLUMN email VARCHAR(254);
ALTER TABLE customers ADD COLUMN stripe_customer_id VARCHAR(255);

-- one per customer: the plan it registered on, how often the base fee is invoiced, from when
CREATE TABLE subscriptions (
    customer          VARCHAR(128) PRIMARY KEY,
    plan              VARCHAR(128) NOT NULL,
    billing_interval  VARCHAR(8)   NOT NULL CHECK (billing_interval IN ('month', 'year')),
    billing_starts_at TIMESTAMPTZ  NOT NULL
);

-- every plan change asked for, keyed by the event's sequence number in the customer's stream (so a replay
-- writes each once); effective_at is resolved by the decision. published_at/published_plan: when and what
-- was put on customer.plans for it (at once in the command for an immediate change, by
-- automation/WhenPlanChangeFallsDueThenPublishIt for a deferred one); NULL while it is still to publish.
CREATE TABLE subscription_plan_changes (
    customer       VARCHAR(128) NOT NULL REFERENCES subscriptions (customer),
    sequence       BIGINT       NOT NULL,
    plan           VARCHAR(128) NOT NULL,
    previous_plan  VARCHAR(128) NOT NULL,
    timing         VARCHAR(16)  NOT NULL CHECK (timing IN ('default', 'immediately', 'at_term_end')),
    requested_at   TIMESTAMPTZ  NOT NULL,
    effective_at   TIMESTAMPTZ  NOT NULL,
    published_at   TIMESTAMPTZ,
    published_plan VARCHAR(128),
    PRIMARY KEY (customer, sequence)
);

-- what the automation looks for every few seconds: changes due and not yet published
CREATE INDEX subscription_plan_changes_unpublished ON subscription_plan_changes (effective_at)
    WHERE published_at IS NULL;

-- customers registered before subscriptions existed: billed monthly from their registration, on their
-- current plan (their earlier changes, all immediate, are folded into it)
INSERT INTO subscriptions (customer, plan, billing_interval, billing_starts_at)
SELECT id, plan, 'month', created_at FROM customers;
