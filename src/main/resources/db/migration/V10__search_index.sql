-- Site search: overlapping pairs of letters or digits of each article's text (NFKC, lower case), and
-- the last letter of each run, so that one-letter queries find every occurrence by prefix. Japanese has
-- no spaces between words; a two-letter query is one gram. Kept current by SearchIndexer.
CREATE TABLE article_search_gram (
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    gram VARCHAR(8) NOT NULL,
    PRIMARY KEY (gram, article_id)
);
CREATE INDEX article_search_gram_article_idx ON article_search_gram (article_id);
