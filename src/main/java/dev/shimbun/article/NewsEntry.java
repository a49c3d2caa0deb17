package dev.shimbun.article;

import java.time.ZonedDateTime;

/**
 * A recently published article for the news sitemap.
 *
 * @param path the article's site path
 * @param headline its headline
 * @param publishedAt first publication
 */
public record NewsEntry(String path, String headline, ZonedDateTime publishedAt) {
}
