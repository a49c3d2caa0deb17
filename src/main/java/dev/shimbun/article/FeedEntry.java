package dev.shimbun.article;

import java.time.ZonedDateTime;

/**
 * A published article as feeds show it.
 *
 * @param path the article's site path
 * @param headline its headline
 * @param description its summary, or the start of its first paragraph
 * @param authorName the byline
 * @param publishedAt first publication
 * @param updatedAt last change
 * @param categoryName the category's name
 * @param categorySlug the category's slug
 * @param imageUrl the first figure's image (a site path or an absolute URL), or
 * {@code null}
 */
public record FeedEntry(String path, String headline, String description, String authorName, ZonedDateTime publishedAt,
		ZonedDateTime updatedAt, String categoryName, String categorySlug, String imageUrl) {
}
