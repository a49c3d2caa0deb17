package dev.shimbun.article;

import java.time.Instant;

/** What sitemaps need of an article, read without loading the entity. */
record ArticleStamp(String slug, String headline, Instant publishedAt, Instant updatedAt) {
}
