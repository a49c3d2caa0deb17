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
 * @param image the first figure's image, or {@code null}
 */
public record FeedEntry(String path, String headline, String description, String authorName, ZonedDateTime publishedAt,
		ZonedDateTime updatedAt, String categoryName, String categorySlug, Image image) {

	/**
	 * An image file as a feed encloses it.
	 *
	 * @param url a site path or an absolute URL
	 * @param type its media type, or {@code null} when it cannot be told
	 * @param length its size in bytes, or 0 when it is not known (an image on another
	 * site)
	 */
	public record Image(String url, String type, long length) {
	}

}
