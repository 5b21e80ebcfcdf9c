CREATE TABLE projection_offsets (
    projection  VARCHAR(128) NOT NULL,
    topic       VARCHAR(249) NOT NULL,
    partition   INTEGER      NOT NULL,
    next_offset BIGINT       NOT NULL,
    PRIMARY KEY (projection, topic, partition)
);
