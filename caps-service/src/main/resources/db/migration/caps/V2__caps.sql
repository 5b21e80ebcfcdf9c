-- Read model of the caps operators manage, kept by read/caps/CapsProjection in the same transaction as
-- the cap events it is built from, and published per customer on caps.definitions. The event store stays
-- the source of truth (and holds deleted caps' history); a deleted cap's row is removed.
CREATE TABLE cap_definitions (
    id                VARCHAR(64)  PRIMARY KEY,                 -- cap_…
    customer          VARCHAR(128) NOT NULL,
    scope             VARCHAR(16)  NOT NULL CHECK (scope IN ('customer', 'project', 'costCenter', 'apiKey', 'user', 'team')),
    scope_id          VARCHAR(200) NOT NULL,
    amount_microcents BIGINT       NOT NULL CHECK (amount_microcents > 0),
    period            VARCHAR(8)   NOT NULL CHECK (period IN ('month', 'day')),
    measure           VARCHAR(8)   NOT NULL CHECK (measure IN ('charge', 'cost')),
    mode              VARCHAR(8)   NOT NULL CHECK (mode IN ('hard', 'soft')),
    -- alert percentages, ascending
    thresholds        INTEGER[]    NOT NULL,
    -- the time and operator of the creating command
    created_at        TIMESTAMPTZ  NOT NULL,
    created_by        VARCHAR(200) NOT NULL,
    -- the time and operator of the latest change (the creation until then)
    updated_at        TIMESTAMPTZ  NOT NULL,
    updated_by        VARCHAR(200) NOT NULL
);

CREATE INDEX cap_definitions_by_customer ON cap_definitions (customer, id);

-- One row per customer whose caps were ever published on caps.definitions. Publishing a customer's list
-- first bumps (and so locks) this row, which orders concurrent publications for one customer: the
-- second waits for the first to commit and then reads and publishes a list that includes the first's cap.
CREATE TABLE cap_publications (
    customer VARCHAR(128) PRIMARY KEY,
    version  BIGINT       NOT NULL
);
