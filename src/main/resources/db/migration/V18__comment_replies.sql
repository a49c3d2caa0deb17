-- Replies: one level under a top-level comment, as the news portals show them. A reply is a
-- comment like any other (moderated, reported, reacted to) with the id of the comment it answers;
-- readers see it only while that comment is visible too.
ALTER TABLE article_comment ADD COLUMN parent_id BIGINT;
ALTER TABLE article_comment ADD CONSTRAINT article_comment_parent_fk
    FOREIGN KEY (parent_id) REFERENCES article_comment (id) ON DELETE CASCADE;
CREATE INDEX article_comment_parent_idx ON article_comment (parent_id, status, created_at);
