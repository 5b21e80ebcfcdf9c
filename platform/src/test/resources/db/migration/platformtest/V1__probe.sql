-- A throwaway table that proves Database.migrate and JooqCodegen work end to end.
CREATE TABLE probe (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    note       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
