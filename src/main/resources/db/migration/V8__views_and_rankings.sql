-- Reads counted per article per hour (rankings over windows), which readers read what on a day
-- (co-reads, hashed readers only), and the mode of each curated list.

CREATE TABLE article_view_hour (
    article_id  BIGINT  NOT NULL,
    hour_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    views       BIGINT  NOT NULL,
    CONSTRAINT article_view_hour_pk PRIMARY KEY (article_id, hour_start),
    CONSTRAINT article_view_hour_article_fk FOREIGN KEY (article_id) REFERENCES article (id) ON DELETE CASCADE
);
CREATE INDEX article_view_hour_time_idx ON article_view_hour (hour_start, article_id);

CREATE TABLE reader_read (
    reader_hash  VARCHAR(64) NOT NULL,
    read_day     DATE        NOT NULL,
    article_id   BIGINT      NOT NULL,
    CONSTRAINT reader_read_pk PRIMARY KEY (reader_hash, read_day, article_id),
    CONSTRAINT reader_read_article_fk FOREIGN KEY (article_id) REFERENCES article (id) ON DELETE CASCADE
);
CREATE INDEX reader_read_article_idx ON reader_read (article_id, read_day);

ALTER TABLE curated_list ADD COLUMN list_mode VARCHAR(20) DEFAULT 'CURATED' NOT NULL;
ALTER TABLE curated_list ADD CONSTRAINT curated_list_mode_ck CHECK (list_mode IN ('CURATED', 'COMPUTED', 'PINNED'));
