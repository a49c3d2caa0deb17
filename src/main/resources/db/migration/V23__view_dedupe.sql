-- Which reader (hashed, as in reader_read) was last counted reading which article, for every
-- instance: a flush counts a buffered read only if no instance counted the same reader and
-- article within the dedupe window (shimbun.views.dedupe-window), so that a reader is counted
-- once in the window whichever instances serve them. Flushes take turns on the one row of
-- view_flush_turn. Rows older than the window are deleted by a cleanup job.
CREATE TABLE view_seen (
    reader_hash  VARCHAR(64) NOT NULL,
    article_id   BIGINT      NOT NULL,
    counted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT view_seen_pk PRIMARY KEY (reader_hash, article_id),
    CONSTRAINT view_seen_article_fk FOREIGN KEY (article_id) REFERENCES article (id) ON DELETE CASCADE
);
CREATE INDEX view_seen_counted_idx ON view_seen (counted_at);

CREATE TABLE view_flush_turn (
    id  INT NOT NULL,
    CONSTRAINT view_flush_turn_pk PRIMARY KEY (id)
);
INSERT INTO view_flush_turn (id) VALUES (1);
