-- Whether the default price book (the LiteLLM catalog shipped in the jar, pricebook/DefaultPriceBook) has been
-- loaded: at most one row, written in the same transaction as the load, so the default is loaded once, on
-- the first start, and never again over an operator's later changes. Two instances starting at once both
-- try to insert the row; the second waits for the first to commit and then loads nothing.
CREATE TABLE price_book_defaults (
    singleton BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    loaded_at TIMESTAMPTZ NOT NULL,
    -- how many prices the load recorded (0 for a price book that had models before this table existed)
    prices    INTEGER     NOT NULL CHECK (prices >= 0)
);

-- A price book that already has models was set up by an operator: it counts as initialised.
INSERT INTO price_book_defaults (loaded_at, prices)
SELECT now(), 0 WHERE EXISTS (SELECT 1 FROM price_book_models);
