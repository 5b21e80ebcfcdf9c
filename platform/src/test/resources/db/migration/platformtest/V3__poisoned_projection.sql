-- The read model of ProjectionRunnerDeadLetterTest: text and an integer PostgreSQL refuses for some records.
CREATE TABLE projected_notes (
    note_key TEXT PRIMARY KEY,
    note     TEXT    NOT NULL,
    amount   INTEGER
);
