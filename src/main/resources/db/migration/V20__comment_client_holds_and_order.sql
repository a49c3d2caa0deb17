-- Moderators put one client (the keyed hash of its address) on pre-moderation for a while: its
-- comments and edits wait for a moderator until held_until. And the order in which readers see
-- an article's comments unless they choose another, set per site on the comment rules page.
CREATE TABLE comment_client_hold (
    client_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
    held_until   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
ALTER TABLE comment_rules ADD COLUMN default_order VARCHAR(20) DEFAULT 'NEWEST' NOT NULL;
ALTER TABLE comment_rules ADD CONSTRAINT comment_rules_order_ck
    CHECK (default_order IN ('NEWEST', 'OLDEST', 'EMPATHY', 'REPLIES'));
