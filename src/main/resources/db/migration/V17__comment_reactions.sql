-- Readers' reactions to comments (共感した / なるほど / うーん): one of each kind per client (the keyed
-- hash of its address, as the comment rules use) and comment, pressed again to take it back. The
-- counts beside each comment are kept on the comment, changed in the same transaction as the rows.
CREATE TABLE comment_reaction (
    comment_id   BIGINT       NOT NULL,
    client_hash  VARCHAR(64)  NOT NULL,
    reaction     VARCHAR(20)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT comment_reaction_pk PRIMARY KEY (comment_id, client_hash, reaction),
    CONSTRAINT comment_reaction_comment_fk FOREIGN KEY (comment_id) REFERENCES article_comment (id) ON DELETE CASCADE,
    CONSTRAINT comment_reaction_kind_ck CHECK (reaction IN ('EMPATHY', 'INSIGHT', 'DOUBT'))
);
CREATE INDEX comment_reaction_client_idx ON comment_reaction (client_hash, created_at);
ALTER TABLE article_comment ADD COLUMN empathy_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE article_comment ADD COLUMN insight_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE article_comment ADD COLUMN doubt_count INTEGER DEFAULT 0 NOT NULL;
