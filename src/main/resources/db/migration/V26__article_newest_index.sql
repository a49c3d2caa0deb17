-- The newest articles first, ties by id as every list orders them: the first pages of a search with many
-- matches are looked for among the newest articles, read in this order.
CREATE INDEX article_newest_idx ON article (published_at DESC, id DESC);
