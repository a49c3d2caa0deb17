package dev.shimbun.article;

import java.time.ZonedDateTime;

/** An article in the admin list. */
public record ArticleRow(Long id, String slug, String headline, String categoryName, ArticleStatus status,
		ZonedDateTime publishedAt, ZonedDateTime updatedAt, String updatedBy) {

}
