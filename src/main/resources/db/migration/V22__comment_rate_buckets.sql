-- The comment and reaction rate limits of each client, shared by every instance on one
-- PostgreSQL: one row per bucket (bucket4j's PostgreSQL store, its rows taken with SELECT ...
-- FOR UPDATE). The key holds the kind of limit, the limits themselves and the keyed hash of the
-- client's address; expires_at (milliseconds since the epoch) is when the bucket would be full
-- again, after which a cleanup job deletes the row. On the embedded H2 database (one instance)
-- the buckets stay in memory and this table stays empty.
CREATE TABLE comment_rate_bucket (
    id          VARCHAR(120) NOT NULL,
    state       BYTEA,
    expires_at  BIGINT,
    CONSTRAINT comment_rate_bucket_pk PRIMARY KEY (id)
);
CREATE INDEX comment_rate_bucket_expires_idx ON comment_rate_bucket (expires_at);
