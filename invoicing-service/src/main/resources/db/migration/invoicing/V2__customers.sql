-- Read model of customers for the operator API, kept by read/customers/CustomersProjection in the
-- same transaction as the events it is built from. The event store stays the source of truth.
CREATE TABLE customers (
    id         VARCHAR(128) PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    plan       VARCHAR(128) NOT NULL,
    -- when the customer was registered (the registration command's time)
    created_at TIMESTAMPTZ  NOT NULL,
    -- when the row last changed because of an event (registration or plan change)
    updated_at TIMESTAMPTZ  NOT NULL
);
