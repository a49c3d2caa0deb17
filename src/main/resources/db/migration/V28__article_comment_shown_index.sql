-- An article's comments section reads one page of its visible top-level comments, newest (or oldest) first,
-- and counts them. With article_comment_article_idx (article, status, time) H2 read and sorted every
-- visible comment of the article to show twenty (5 000 rows a page for an article with 5 000 comments, at
-- every rendering). This index holds every column the section filters on, in the order the
-- section asks: the page is read in index order and stops after it, and the counts read the index alone.
-- It replaces article_comment_article_idx, whose columns it begins with.
CREATE INDEX article_comment_shown_idx ON article_comment (article_id, status, featured, parent_id, created_at, id);
DROP INDEX article_comment_article_idx;
