package dev.shimbun.article;

import java.time.ZonedDateTime;

/**
 * A public page for sitemaps: its path and when it last changed.
 *
 * @param path the site path
 * @param lastModified the last change
 */
public record SitemapEntry(String path, ZonedDateTime lastModified) {
}
