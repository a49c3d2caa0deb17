package dev.shimbun.article;

import java.time.ZonedDateTime;

/** An article as lists show it: headline, category and date. */
public record ArticleSummary(Long id, String slug, String headline, String categoryName, String categorySlug,
		ZonedDateTime publishedAt) {

	public String path() {
		return ArticlePaths.of(this.slug);
	}

}
