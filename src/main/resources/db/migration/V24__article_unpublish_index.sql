-- Finding the articles readers do not see (ArticleVisibility.hiddenIdsSql): drafts and taken-down ones by
-- status, scheduled ones by status and publication time (article_status_published_idx), and those whose
-- unpublish time has passed by this index. Search counts its matches without those.
CREATE INDEX article_unpublish_idx ON article (unpublish_at);
